import { render } from 'preact';
import { localizePage, t } from '../../lib/ui/i18n';
import { OptionsApp } from './app';
import { LibrarySection } from './library';
import './style.css';

// The options page: the reader's settings, saved to storage.sync (open tabs follow them at once),
// and the reader's own library of minutes.
localizePage(t('optionsTitle'));
render(
  <>
    <OptionsApp />
    <LibrarySection />
  </>,
  document.getElementById('app')!,
);
