import { render } from 'preact';
import { localizePage, t } from '../../lib/ui/i18n';
import { OptionsApp } from './app';
import './style.css';

// The options page: the reader's settings, saved to storage.sync; open tabs follow them at once.
localizePage(t('optionsTitle'));
render(<OptionsApp />, document.getElementById('app')!);
