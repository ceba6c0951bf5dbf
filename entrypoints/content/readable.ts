/**
 * Which parts of the page we read. Not code, forms, editors or hidden text:
 * marking inside a textarea or an editor would sit under what the reader is
 * typing, and a hidden menu's copy of a term would take the mark from the one
 * the reader sees (only a term's first occurrence is marked).
 */

/** Elements whose text is not prose for the reader (local names: SVG's are lower case). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'code', 'pre',
  'svg', 'math', 'template', 'iframe', 'object', 'canvas', 'kbd', 'samp',
]);

const SKIPPED_SELECTOR = [...SKIPPED].join(',');
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false"])';

/** Our own UI's host element, never read. */
export const HOST_TAG = 'minutes-lens-root';

function isEditableRoot(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

/**
 * Hidden (display: none, a closed <details>, content-visibility: hidden).
 * `checkVisibility` reads the style the page has computed already; an element
 * with `display: contents` has no box of its own, so it counts as visible.
 */
function isHidden(el: Element): boolean {
  if (typeof el.checkVisibility !== 'function' || el.checkVisibility()) return false;
  return getComputedStyle(el).display !== 'contents';
}

/** A TreeWalker filter: skip whole subtrees we do not read, descend through the rest, take text. */
export function acceptNode(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) {
    return (node as Text).data.length >= 2 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
  }
  const el = node as Element;
  if (SKIPPED.has(el.localName) || el.localName === HOST_TAG || isEditableRoot(el) || isHidden(el)) {
    return NodeFilter.FILTER_REJECT;
  }
  return NodeFilter.FILTER_SKIP;
}

/**
 * The same filter, telling `onShadowRoot` about each open shadow root it
 * passes: a TreeWalker never enters one, so the caller reads it as a root of
 * its own. (Closed roots are the page's private business and stay unread.)
 */
export function acceptNodeAndShadows(onShadowRoot: (root: ShadowRoot) => void): (node: Node) => number {
  return (node) => {
    const verdict = acceptNode(node);
    if (verdict === NodeFilter.FILTER_SKIP && node.nodeType === Node.ELEMENT_NODE) {
      const root = (node as Element).shadowRoot;
      if (root) onShadowRoot(root);
    }
    return verdict;
  };
}

const isShadowRoot = (node: Node): node is ShadowRoot => node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;

/**
 * Whether a node that appeared somewhere in the page may be read at all: the
 * walker's filter only sees what is below its root, so look at the ancestors,
 * through the hosts of any shadow roots it sits in, up to the page's body.
 */
export function isReadablePlace(node: Node): boolean {
  if (!node.isConnected || document.designMode === 'on') return false;
  const start = isShadowRoot(node) ? node.host : node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!start) return false;
  for (let el: Element | null = start; el; ) {
    if (el.closest(`${SKIPPED_SELECTOR},${EDITABLE_SELECTOR},${HOST_TAG}`)) return false;
    const root = el.getRootNode();
    if (isShadowRoot(root)) {
      el = root.host;
      continue;
    }
    if (root !== document || !document.body?.contains(el)) return false;
    break;
  }
  // checkVisibility answers for the ancestors too (across shadow roots): inside display: none there is no box.
  return !isHidden(start);
}
