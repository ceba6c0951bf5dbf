import { localizePage, t } from '../../lib/ui/i18n';
import '../../components/Hit.css';
import '../../components/Timeline.css';
import { mountSearchApp } from '../sidepanel/app';
import '../sidepanel/style.css';

// The full-page search (search.html?q=…) is the side panel's app in a tab: the
// fallback where no panel opens, and a page a reader can bookmark.
localizePage(t('searchPageTitle'));
mountSearchApp(document.getElementById('app')!, { followsPending: false });
