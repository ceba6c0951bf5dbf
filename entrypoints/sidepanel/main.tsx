import { mountSearchApp } from './app';
import './style.css';

// The side panel (Chrome) or sidebar (Firefox): the search beside the page,
// following the queries the background hands over.
mountSearchApp(document.getElementById('app')!, { followsPending: true });
