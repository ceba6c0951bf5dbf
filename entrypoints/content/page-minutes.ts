/**
 * The minutes on this page, read from the live document for "add this page"
 * with the same extraction the library uses for a saved page: the content
 * block, without the site's furniture, `<br>` lines kept. Run only when the
 * reader asks (a menu item), never while the page loads.
 */
import { contentRoot } from '../../lib/extract/html/content';
import { pageSource, titleOutside } from '../../lib/extract/html/meta';
import { textOf } from '../../lib/extract/html/text';
import type { PageMinutes } from '../../lib/messaging/protocol';

export function pageMinutes(): PageMinutes {
  const root = contentRoot(document);
  const source = pageSource(document);
  return {
    text: textOf(root, titleOutside(document, root)),
    // The page's own official address when it states one, else where the reader is.
    url: source.url ?? location.href,
    publisher: source.publisher,
    title: document.title,
  };
}
