/**
 * The popover: what the minutes say about one term, in a shadow root on a
 * host element of its own, added to the page only while it is open.
 */
import { browser } from 'wxt/browser';
import type { Stats } from '../stats';
import type { BackgroundCalls } from '../../../lib/messaging/protocol';
import { termById } from '../../../lib/terms/page-matcher';
import { call } from '../../../lib/ui/client';
import type { Mark } from '../marks';
import { HOST_TAG } from '../readable';
import { h } from './dom';
import { place } from './position';
import { POPOVER_CSS } from './styles';
import { t } from '../../../lib/ui/i18n';
import { footer, header, hitList, status } from './view';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** What the reader chose for popovers; read at each opening, so a change applies to the next one. */
export interface PopoverOptions {
  count: number;
  theme: 'system' | 'light' | 'dark';
}

export class Popover {
  constructor(
    private readonly options: () => PopoverOptions,
    private readonly stats?: Stats,
  ) {}

  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private panel: HTMLElement | null = null;
  private body: HTMLElement | null = null;
  private anchor: DOMRect | null = null;
  /** Counts lookups: a reply for an older one (or for a popover since closed) is ignored. */
  private lookup = 0;
  /** Where focus was before Tab brought it into the popover; Escape takes it back there. */
  private returnFocus: HTMLElement | null = null;
  /** The term whose popover is open, if one is. */
  mark: Mark | null = null;

  /** Whether `node` is our host or inside it: our own work, not the page's. */
  isOurs(node: Node): boolean {
    return this.host !== null && (node === this.host || this.host.contains(node));
  }

  /** Whether an event happened inside the popover (its target is retargeted to the host outside). */
  isEventInside(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  hasFocus(): boolean {
    return this.mark !== null && this.shadow?.activeElement != null;
  }

  open(mark: Mark, anchor: DOMRect): void {
    const start = performance.now();
    const shadow = this.mount();
    const generation = ++this.lookup;
    const { count, theme } = this.options();
    this.mark = mark;
    this.anchor = anchor;
    this.body = h('div', { class: 'body' }, status(t('popoverLoading')));
    const panel = h(
      'div',
      {
        class: 'panel',
        role: 'dialog',
        'aria-label': t('popoverDialog', mark.term),
        'aria-busy': 'true',
        'data-theme': theme,
      },
      header(mark.term, termById(mark.termId)?.en[0]),
      this.body,
      footer(() => this.act('lens/open-search', { query: mark.term })),
    );
    this.panel?.remove();
    this.panel = panel;
    shadow.append(panel);
    this.position();

    void call(send, 'lens/related', { term: mark.term, limit: count }).then((reply) => {
      if (generation !== this.lookup || !this.body) return;
      panel.removeAttribute('aria-busy');
      this.body.replaceChildren(
        !reply.ok
          ? status(t('popoverError'), true)
          : reply.value.hits.length === 0
            ? status(t('noRelatedRemarks'))
            : hitList(reply.value.hits, (remarkId) => this.act('lens/open-passage', { remarkId, term: mark.term })),
      );
      this.position();
      this.stats?.popoverShown(start);
    });
  }

  close(): void {
    if (!this.mark) return;
    const hadFocus = this.hasFocus();
    this.lookup++;
    this.mark = null;
    this.panel?.remove();
    this.panel = this.body = this.anchor = null;
    this.host?.remove();
    // Escape (or a click elsewhere) from inside the popover: focus goes back where the reader was.
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** Moves focus to the popover's first button; false when there is none. */
  focusFirst(): boolean {
    const button = this.panel?.querySelector('button');
    if (!button) return false;
    const active = document.activeElement;
    this.returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    button.focus({ preventScroll: true });
    return true;
  }

  dispose(): void {
    this.close();
    this.host?.remove();
    this.host = this.shadow = null;
  }

  private mount(): ShadowRoot {
    if (!this.host || !this.shadow) {
      this.host = document.createElement(HOST_TAG);
      // Open, so that tests (and assistive tools) can look inside.
      this.shadow = this.host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(POPOVER_CSS);
      this.shadow.adoptedStyleSheets = [sheet];
    }
    // Outside <body>: a page that re-renders its body does not take us with it.
    if (!this.host.isConnected) document.documentElement.append(this.host);
    return this.shadow;
  }

  /** Asks the background to open one of our pages; closes on success, says so on failure. */
  private act<K extends 'lens/open-passage' | 'lens/open-search'>(type: K, payload: BackgroundCalls[K]['request']): void {
    const generation = this.lookup;
    void call(send, type, payload).then((reply) => {
      if (generation !== this.lookup) return;
      if (reply.ok) this.close();
      else this.body?.prepend(status(t('popoverError'), true));
    });
  }

  private position(): void {
    if (!this.panel || !this.anchor) return;
    this.panel.style.maxHeight = '';
    const size = this.panel.getBoundingClientRect();
    // The viewport without scroll bars; in quirks mode the body reports it, not the root.
    const root = document.compatMode === 'BackCompat' && document.body ? document.body : document.documentElement;
    const viewport = { width: root.clientWidth || innerWidth, height: root.clientHeight || innerHeight };
    const at = place(this.anchor, size, viewport);
    this.panel.style.left = `${at.left}px`;
    this.panel.style.top = `${at.top}px`;
    this.panel.style.maxHeight = `${at.maxHeight}px`;
    this.panel.dataset.side = at.above ? 'above' : 'below';
  }
}
