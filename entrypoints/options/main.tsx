import { render } from 'preact';
import { OptionsApp } from './app';
import './style.css';

// The options page: the reader's settings, saved to storage.sync; open tabs follow them at once.
render(<OptionsApp />, document.getElementById('app')!);
