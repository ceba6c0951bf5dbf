/**
 * Where the minutes are on a page: the content landmark (`main`, one
 * `article`), else the content container government CMSs name (`#main`,
 * `#contents`, `#tmp_contents`…), else the block where the prose is densest
 * (a Readability-style score: paragraphs with many commas and few links
 * score their parent and, half, their grandparent).
 */
import { isFurniture } from './furniture';

const LANDMARKS = ['main', '[role="main"]', 'article'];
const CONTAINERS = [
  '#main', '#contents', '#content', '#main-contents', '#mainContents', '#main_contents', '#tmp_contents',
  '#contents-main', '#main-content', '#mainContent', '#honbun', '#primary', '.main-contents', '.mainContents',
  '.contents', '.content', '.main',
];

/** A candidate must hold at least this share of the page's text, or it is a fragment (a sidebar's `article`). */
const MIN_SHARE = 0.3;

/** The element's text outside furniture, spaces squeezed (what a reader would read in it). */
export function readableLength(el: Element): number {
  let n = 0;
  const walk = (node: Node, inContent: boolean) => {
    if (node.nodeType === 3) n += (node.nodeValue ?? '').replace(/\s+/g, '').length;
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (isFurniture(e, inContent)) return;
    const inner = inContent || ['main', 'article'].includes(e.tagName.toLowerCase());
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c, inner);
  };
  walk(el, el.closest('main, article') !== null);
  return n;
}

function linkLength(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += (a.textContent ?? '').replace(/\s+/g, '').length;
  return n;
}

/** The block where the prose is: paragraphs score their parent, and half their grandparent. */
function densest(body: Element): Element {
  const scores = new Map<Element, number>();
  for (const p of body.querySelectorAll('p, li, td, dd, pre, blockquote, div')) {
    // A div counts as a paragraph only when it holds text itself (old pages write prose in divs with <br>).
    if (p.tagName.toLowerCase() === 'div' && ![...p.childNodes].some((c) => c.nodeType === 3 && (c.nodeValue ?? '').trim().length > 20)) continue;
    const text = (p.textContent ?? '').replace(/\s+/g, '');
    if (text.length < 20) continue;
    const score = 1 + (text.match(/[、，,。]/g)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100));
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element = body;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const total = (el.textContent ?? '').replace(/\s+/g, '').length || 1;
    const adjusted = score * (1 - linkLength(el) / total);
    if (adjusted > bestScore) [best, bestScore] = [el, adjusted];
  }
  // Climb to the block that also holds the title and the header lines beside the prose, but not
  // to one that adds a menu: what the parent adds beyond the block must be mostly plain text.
  while (best !== body && best.parentElement && best.parentElement !== body) {
    const parent = best.parentElement;
    const added = readableLength(parent) - readableLength(best);
    if (added > readableLength(best) * 0.5) break;
    if (added > 0 && (linkLength(parent) - linkLength(best)) / added > 0.3) break;
    best = parent;
  }
  return best;
}

/** The element holding the page's minutes (the body itself when nothing narrower holds them). */
export function contentRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const total = readableLength(body);
  const big = (el: Element) => readableLength(el) >= total * MIN_SHARE;
  for (const selector of LANDMARKS) {
    const found = [...doc.querySelectorAll(selector)].filter(big);
    // Several big articles (a list page): none of them alone is the minutes.
    if (found.length === 1) return found[0]!;
  }
  for (const selector of CONTAINERS) {
    const el = doc.querySelector(selector);
    if (el && big(el)) return el;
  }
  return densest(body);
}
