/**
 * A short notice in the page's corner, in a shadow root of its own: what
 * became of "add this page". Fixed in place, so nothing on the page moves; a
 * status region, so screen readers say it; gone after a few seconds.
 */
import { HOST_TAG } from './readable';
import { h } from './popover/dom';

const SHOWN_MS = 6_000;

const CSS = `
:host { all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important;
  z-index: 2147483647 !important; display: block !important; }
.notice { box-sizing: border-box; max-width: min(420px, calc(100vw - 32px)); padding: 10px 14px; border-radius: 8px;
  font: 14px/1.5 system-ui, "Hiragino Sans", "Noto Sans JP", "IPAGothic", sans-serif; color: #1f2328; background: #ffffff;
  border: 1px solid #d1d9e0; box-shadow: 0 4px 16px rgba(0,0,0,.18); overflow-wrap: anywhere; }
.notice.problem { border-left: 4px solid #cf222e; }
.notice.done { border-left: 4px solid #1a7f37; }
@media (prefers-color-scheme: dark) { .notice { color: #e6edf3; background: #161b22; border-color: #3d444d; } }
`;

let current: HTMLElement | null = null;

export function showNotice(text: string, tone: 'done' | 'problem'): void {
  current?.remove();
  const host = document.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [sheet];
  shadow.append(h('div', { class: `notice ${tone}`, role: 'status', 'aria-live': 'polite' }, text));
  document.documentElement.append(host);
  current = host;
  setTimeout(() => {
    host.remove();
    if (current === host) current = null;
  }, SHOWN_MS);
}

/** Whether a node is one of our notices: our own change, not the page's. */
export const isNotice = (node: Node): boolean => current !== null && (node === current || current.contains(node));
