/**
 * The popover: what the minutes say about one term, in a shadow root on a
 * host element of its own, added to the page only while it is open.
 */
import { browser } from 'wxt/browser';
import type { Stats } from '../stats';
import type { BackgroundCalls } from '../../../lib/messaging/protocol';
import { englishName } from '../../../lib/terms/page-matcher';
import { call } from '../../../lib/ui/client';
import type { Hit } from '../hit-test';
import { HOST_TAG } from '../readable';
import { h } from './dom';
import { renderHits, renderStrip, unrenderHits } from './hits';
import { place } from './position';
import { POPOVER_CSS } from './styles';
import { t } from '../../../lib/ui/i18n';
import { footer, header, status } from './view';

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
  /** Where the term's timeline strip goes, between the term and the remarks. */
  private strip: HTMLElement | null = null;
  private anchor: DOMRect | null = null;
  /** Counts lookups: a reply for an older one (or for a popover since closed) is ignored. */
  private lookup = 0;
  /** Where focus was before Tab brought it into the popover; Escape takes it back there. */
  private returnFocus: HTMLElement | null = null;
  /** The term whose popover is open, where the pointer found it, if one is open. */
  hit: Hit | null = null;

  /** Whether `node` is our host or inside it: our own work, not the page's. */
  isOurs(node: Node): boolean {
    return this.host !== null && (node === this.host || this.host.contains(node));
  }

  /** Whether an event happened inside the popover (its target is retargeted to the host outside). */
  isEventInside(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  hasFocus(): boolean {
    return this.hit !== null && this.shadow?.activeElement != null;
  }

  /** Opens on `hit`; `start` is when the pointer came to rest there (the popover's latency counts from it). */
  open(hit: Hit, start = performance.now()): void {
    const shadow = this.mount();
    const generation = ++this.lookup;
    const { count, theme } = this.options();
    this.hit = hit;
    this.anchor = hit.rect;
    this.dropBody();
    this.body = h('div', { class: 'body' }, status(t('popoverLoading')));
    this.strip = h('div', { class: 'strip' });
    const panel = h(
      'div',
      {
        class: 'panel',
        role: 'dialog',
        'aria-label': t('popoverDialog', hit.term),
        'aria-busy': 'true',
        'data-theme': theme,
      },
      header(hit.term, englishName(hit.termId)),
      this.strip,
      this.body,
      footer(() => this.act('lens/open-search', { query: hit.term })),
    );
    this.panel?.remove();
    this.panel = panel;
    shadow.append(panel);
    this.position();

    void call(send, 'lens/related', { term: hit.term, limit: count }).then((reply) => {
      const body = this.body;
      if (generation !== this.lookup || !body) return;
      panel.removeAttribute('aria-busy');
      // Nothing to draw a timeline of: the strip's kept place goes in the same update as the answer.
      if (!reply.ok || reply.value.hits.length === 0) this.strip?.remove();
      if (!reply.ok) body.replaceChildren(status(t('popoverError'), true));
      else if (reply.value.hits.length === 0) body.replaceChildren(status(t('noRelatedRemarks')));
      else {
        body.replaceChildren();
        renderHits(body, reply.value.hits, (remarkId) => this.act('lens/open-passage', { remarkId, term: hit.term }));
      }
      this.position();
      // Only an answer counts as a popover shown (the benchmark's latency): an error is not one.
      if (reply.ok) this.stats?.popoverShown(start);
      // After the remarks' frame is painted: drawing the strip before it would delay what the reader came for.
      if (reply.ok && reply.value.hits.length > 0) requestAnimationFrame(() => setTimeout(() => this.showStrip(hit.term, generation)));
    });
  }

  /**
   * The term over time, asked for once its remarks are shown (they come first:
   * a cold service worker answers one question at a time).
   */
  private showStrip(term: string, generation: number): void {
    void call(send, 'lens/timeline', { query: term }).then((reply) => {
      const strip = this.strip;
      if (generation !== this.lookup || !strip || !reply.ok) return;
      renderStrip(strip, reply.value, () => this.act('lens/open-search', { query: term, view: 'timeline' }));
      this.position();
    });
  }

  close(): void {
    if (!this.hit) return;
    const hadFocus = this.hasFocus();
    this.lookup++;
    this.hit = null;
    this.dropBody();
    this.panel?.remove();
    this.panel = this.body = this.strip = this.anchor = null;
    this.host?.remove();
    // Escape (or a click elsewhere) from inside the popover: focus goes back where the reader was.
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** Moves focus to the first remark's button (else the popover's first, "see all" or the strip); false when there is none. */
  focusFirst(): boolean {
    const button = this.body?.querySelector('button') ?? this.panel?.querySelector('button');
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

  /** Unmounts what Preact rendered into the body (its listeners go with it). */
  private dropBody(): void {
    if (this.body) unrenderHits(this.body);
    if (this.strip) unrenderHits(this.strip);
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
