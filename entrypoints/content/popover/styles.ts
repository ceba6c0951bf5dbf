/**
 * The popover's styles, adopted by its shadow root: the page's CSS cannot
 * reach in, ours cannot leak out, and a page CSP (style-src) does not apply
 * to a constructed sheet.
 */
import { POPOVER_MAX_HEIGHT, POPOVER_WIDTH, VIEWPORT_MARGIN } from '../../../lib/limits';
// Each remark's own rules, shared with the side panel (components/Hit.tsx).
import HIT_CSS from '../../../components/Hit.css?inline';
// The term's timeline strip, shared in form with the side panel's timeline.
import STRIP_CSS from '../../../components/TimelineStrip.css?inline';

const DARK = `
    --fg: #e6edf3; --muted: #9198a1; --bg: #161b22; --line: #3d444d; --soft: #212830;
    --mark: rgba(255, 200, 0, 0.35); --accent: #4493f8; --yours: #ffb86b;`;

// `!important` on :host: in the cascade, the shadow tree's important rules beat
// the page's, so a page rule that happens to match our host cannot move or hide it.
export const POPOVER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
}
.panel {
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --soft: #f6f8fa;
  --mark: rgba(255, 200, 0, 0.45); --accent: #0969da; --yours: #b35c00;
  position: fixed;
  box-sizing: border-box;
  width: min(${POPOVER_WIDTH}px, calc(100vw - ${2 * VIEWPORT_MARGIN}px));
  max-height: min(${POPOVER_MAX_HEIGHT}px, calc(100vh - ${2 * VIEWPORT_MARGIN}px));
  display: flex;
  flex-direction: column;
  overflow: hidden;
  padding: 10px 12px;
  color: var(--fg);
  background: var(--bg);
  border: 1px solid var(--line);
  border-radius: 8px;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.2);
  font: 13px/1.55 system-ui, -apple-system, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif;
  text-align: start;
  direction: ltr;
  writing-mode: horizontal-tb;
  cursor: auto;
}
/* Dark when the reader chose it, or chose 'system' and the system is dark. */
.panel[data-theme="dark"] { ${DARK} }
@media (prefers-color-scheme: dark) {
  .panel:not([data-theme="light"]) { ${DARK} }
}
/* Only the remarks scroll: the term and "see all" stay in view. */
.body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; }
header, footer, .strip { flex: none; }
/* The strip's place is kept from the start: it is drawn after the remarks, which must not move under the pointer. */
.strip { height: 80px; padding-bottom: 6px; box-sizing: border-box; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 8px; margin: 0 0 6px; }
.term { font-size: 16px; font-weight: 700; }
.en { color: var(--muted); }
.status { margin: 6px 0; color: var(--muted); }
.status.error { color: #cf222e; }
ol { list-style: none; margin: 0; padding: 0; }
li { padding: 8px 0; border-top: 1px solid var(--line); }
${HIT_CSS}
${STRIP_CSS}
footer { padding-top: 8px; border-top: 1px solid var(--line); }
button {
  font: inherit;
  font-size: 12px;
  padding: 2px 8px;
  color: inherit;
  background: var(--soft);
  border: 1px solid var(--line);
  border-radius: 6px;
  cursor: pointer;
}
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
`;
