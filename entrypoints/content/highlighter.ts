/**
 * Marks terms with the CSS Custom Highlight API: the page's DOM is never
 * touched (no wrapper elements for its scripts to trip over, no layout shift),
 * and a range is dropped by deleting it from a set.
 * https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API
 */

export const HIGHLIGHT_NAME = 'minutes-lens';

// No box metrics change: an underline and a tint, never a border or padding.
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) {
  text-decoration: underline dotted 2px;
  text-decoration-color: #c77d00;
  background-color: rgba(255, 200, 0, 0.18);
}`;

export interface Highlighter {
  add(range: Range): void;
  delete(range: Range): void;
  /**
   * Registers our highlight and style once there is something to show, and
   * puts them back if the page replaced them (a framework resetting
   * adoptedStyleSheets). Called when a scan pass ends, not before: adopting a
   * sheet makes the browser restyle the whole page, which the scan's next
   * visibility check would otherwise pay for in our time; and a page with no
   * term gets no style at all.
   */
  ensureInstalled(): void;
  dispose(): void;
}

const NONE: Highlighter = { add() {}, delete() {}, ensureInstalled() {}, dispose() {} };

export function createHighlighter(): Highlighter {
  // Firefox before 140 has no highlight registry: terms are still found and
  // their popovers open, they are only not painted.
  if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !('highlights' in CSS)) return NONE;
  const highlight = new Highlight();
  /** Made when first needed: a page with no term never parses it. */
  let sheet: CSSStyleSheet | null = null;

  const ensureInstalled = () => {
    if (highlight.size === 0) return;
    if (CSS.highlights.get(HIGHLIGHT_NAME) !== highlight) CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    try {
      // A constructed sheet, not a <style> element: a page's CSP (style-src) does
      // not apply to it, and it adds nothing to the page's DOM.
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(HIGHLIGHT_CSS);
      }
      const sheets = document.adoptedStyleSheets;
      if (!sheets.includes(sheet)) document.adoptedStyleSheets = [...sheets, sheet];
    } catch (e) {
      console.warn('Minutes Lens: could not style the marked terms', e);
    }
  };

  return {
    add: (range) => void highlight.add(range),
    delete: (range) => void highlight.delete(range),
    ensureInstalled,
    dispose() {
      highlight.clear();
      if (CSS.highlights.get(HIGHLIGHT_NAME) === highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
      try {
        if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      } catch {
        // Nothing to undo if adopting failed.
      }
    },
  };
}
