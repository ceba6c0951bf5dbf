/**
 * Follows a page that changes after it loaded (single-page apps, live
 * feeds, frameworks that re-render). Broken marks are repaired at once, in the
 * observer's callback, before the page paints, so a re-rendered term never
 * flickers; new text is scanned after the page has been quiet for a moment.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MarkStore, FindReplacement } from './marks';
import type { Scanner } from './scanner';
import type { TextMatcher } from './text-matcher';
import { acceptNode, acceptNodeAndShadows, isReadablePlace } from './readable';
import type { ShadowRoots } from './shadows';
import { MAX_DIRTY_ROOTS, CHANGE_CHECK_LIMIT, RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS } from '../../lib/limits';
import { Timer } from './timer';

export interface PageWatcherParts {
  marks: MarkStore;
  scanner: Scanner;
  texts: TextMatcher;
  /** Our own UI: changes to it are our work, not the page's. */
  isOurs: (node: Node) => boolean;
  /** Marking is on for this site: while it is off, changes are not followed (switching on scans the whole page). */
  isOn: () => boolean;
  /** Web components' shadow roots the scan found: each is observed too (the document's observer does not see into them). */
  shadows: ShadowRoots;
}

export function watchPage(ctx: ContentScriptContext, { marks, scanner, texts, isOurs, isOn, shadows }: PageWatcherParts): void {
  /** Nodes added or rewritten since the last scan. */
  const dirty = new Set<Node>();
  const timer = new Timer(ctx);
  let firstChange = 0;

  /** Whether reading `node` again could mark anything: not if we know its terms and all are marked. */
  const couldMark = (node: Text) => {
    const known = texts.known(node.data);
    return known === undefined || known.some((m) => marks.wouldAdd(node, m));
  };

  /**
   * Whether a changed root holds text we have not read, or read with a term
   * still unmarked. A page that renders the same text again is not rescanned.
   */
  const hasNewText = (root: Node): boolean => {
    if (root.nodeType === Node.TEXT_NODE) return couldMark(root as Text);
    // A new web component brings its text in a shadow root: look in there too.
    const pending: Node[] = [root];
    const filter = acceptNodeAndShadows((shadow) => pending.push(shadow));
    let seen = 0;
    for (let next = pending.pop(); next; next = pending.pop()) {
      const walker = document.createTreeWalker(next, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (++seen > CHANGE_CHECK_LIMIT || couldMark(node as Text)) return true;
      }
    }
    return false;
  };

  const flush = () => {
    firstChange = 0;
    let roots = [...dirty];
    dirty.clear();
    if (!isOn()) return;
    if (roots.length > MAX_DIRTY_ROOTS) roots = document.body ? [document.body] : [];
    else roots = outermost(roots.filter((n) => isReadablePlace(n)));
    roots = roots.filter(hasNewText);
    if (roots.length > 0) void scanner.scan(roots);
  };

  // Quiet for RESCAN_DEBOUNCE_MS, or RESCAN_MAX_WAIT_MS after the first change, whichever comes first.
  const schedule = () => {
    const now = performance.now();
    if (firstChange === 0) firstChange = now;
    timer.start(flush, Math.max(0, Math.min(RESCAN_DEBOUNCE_MS, firstChange + RESCAN_MAX_WAIT_MS - now)));
  };

  const observer = new MutationObserver((records) => {
    if (!isOn()) return;
    const added: Node[] = [];
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if (record.type === 'characterData') dirty.add(record.target);
      for (const node of record.addedNodes) {
        if (isOurs(node)) continue;
        added.push(node);
        dirty.add(node);
      }
    }
    marks.repair(replacementsAmong(added));
    if (dirty.size > 0) schedule();
  });
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  observer.observe(document.documentElement, options);
  shadows.onFound((root) => observer.observe(root, options));
  ctx.onInvalidated(() => observer.disconnect());
}

/**
 * Text nodes among `added` (and under it) by their text, looked up only when
 * a mark needs a new home; each one can take one mark's node.
 */
function replacementsAmong(added: readonly Node[]): FindReplacement {
  let byText: Map<string, Text[]> | null = null;
  return (text) => {
    byText ??= textsByContent(added);
    return byText.get(text)?.shift() ?? null;
  };
}

function textsByContent(added: readonly Node[]): Map<string, Text[]> {
  const byText = new Map<string, Text[]>();
  const put = (node: Text) => {
    const list = byText.get(node.data);
    if (list) list.push(node);
    else byText.set(node.data, [node]);
  };
  let seen = 0;
  for (const root of added) {
    if (++seen > CHANGE_CHECK_LIMIT) break;
    if (!isReadablePlace(root)) continue;
    if (root.nodeType === Node.TEXT_NODE) {
      put(root as Text);
      continue;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, { acceptNode });
    for (let node = walker.nextNode(); node && ++seen <= CHANGE_CHECK_LIMIT; node = walker.nextNode()) put(node as Text);
  }
  return byText;
}

/** Drops every root that lies inside another root: reading the outer one reads it. */
function outermost(roots: Node[]): Node[] {
  const set = new Set(roots);
  return roots.filter((root) => {
    for (let up = root.parentNode; up; up = up.parentNode) if (set.has(up)) return false;
    return true;
  });
}
