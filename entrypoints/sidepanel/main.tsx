import { localizePage, t } from '../../lib/ui/i18n';
import '../../components/Hit.css';
import '../../components/Timeline.css';
import { mountSearchApp } from './app';
import './style.css';

// The side panel (Chrome) or sidebar (Firefox): the search beside the page,
// following the queries the background hands over.
localizePage(t('extName'));
mountSearchApp(document.getElementById('app')!, { followsPending: true });
