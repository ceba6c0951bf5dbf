/**
 * Reads the page's text a slice at a time and marks the terms it finds. The
 * first scan reads the whole body; later ones read only what changed.
 */
import type { MarkStore } from './marks';
import { TextMatcher } from './text-matcher';
import { acceptNodeAndShadows, isReadablePlace } from './readable';
import type { ShadowRoots } from './shadows';
import { SLICE_BUDGET_MS } from '../../lib/limits';
import type { Stats } from './stats';
import { yieldToPage } from './yield';

interface Queued {
  root: Node;
  /** Times this root was started over because the page removed the node the walk had reached. */
  restarts: number;
}

/** A walk is started over at most this often; after that, the observer's view of what changed has to do. */
const MAX_RESTARTS = 2;

export class Scanner {
  private readonly queue: Queued[] = [];
  private running: Promise<void> | null = null;
  private deadline = 0;
  private sliceStart = 0;
  /** Scan passes run so far (the first one, then one per batch of changes). */
  scans = 0;

  constructor(
    private readonly texts: TextMatcher,
    private readonly marks: MarkStore,
    /** False once the extension is reloaded or removed, or marking is switched off: stop at the next slice. */
    private readonly alive: () => boolean,
    /** Called when a pass is done: the marks it added are shown. */
    private readonly afterPass: () => void,
    private readonly stats: Stats,
    private readonly shadows: ShadowRoots,
  ) {}

  /** A walk passes a web component's open shadow root: read it after the walk, as a root of its own. */
  private readonly filter = acceptNodeAndShadows((root) => {
    this.shadows.add(root);
    this.queue.push({ root, restarts: 0 });
  });

  /** Forgets what was queued: marking was switched off. A slice under way stops at its next yield (`alive`). */
  stop(): void {
    this.queue.length = 0;
  }

  /** A scan is under way. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Reads `roots` and everything under them; resolves when the queue is empty. */
  scan(roots: Iterable<Node>): Promise<void> {
    for (const root of roots) this.queue.push({ root, restarts: 0 });
    this.running ??= this.pass().finally(() => {
      this.running = null;
      if (this.queue.length > 0 && this.alive()) void this.scan([]);
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    if (this.queue.length === 0) return;
    this.scans++;
    this.startSlice();
    while (this.queue.length > 0) {
      const item = this.queue.shift()!;
      if (!isReadablePlace(item.root)) continue;
      if (!(await this.walk(item))) return;
    }
    this.afterPass();
    this.stats.slice(this.sliceStart);
  }

  private startSlice(): void {
    this.sliceStart = performance.now();
    this.deadline = this.sliceStart + SLICE_BUDGET_MS;
  }

  /** Reads one root; false when the extension has gone and the scan must stop. */
  private async walk(item: Queued): Promise<boolean> {
    const { root } = item;
    if (root.nodeType === Node.TEXT_NODE) return this.read(root as Text, 0);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, this.filter);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Awaited only when the read had to yield: `await` on a plain value still costs a microtask.
      let done = this.read(node as Text, 0);
      if (done !== true && done !== false) done = await done;
      if (!done) return false;
      if (!node.isConnected) {
        // The walk cannot go on from a removed node. What was added instead
        // reaches us through the observer; what follows it may not, so start over.
        if (root.isConnected && item.restarts < MAX_RESTARTS) {
          this.queue.push({ root, restarts: item.restarts + 1 });
        }
        return true;
      }
    }
    return true;
  }

  /**
   * Marks the terms of one text node from piece `k` on, yielding to the page
   * between pieces when the slice is spent. Not an async function: most nodes
   * are read within the slice, and awaiting each would cost a promise and a
   * microtask per text node, in code that runs cold (loops are indexed for the
   * same reason: `for…of` walks an iterator).
   */
  private read(node: Text, k: number, text = node.data): boolean | Promise<boolean> {
    for (const pieces = TextMatcher.pieces(text); k < pieces; ) {
      const matches = this.texts.piece(text, k++);
      for (let i = 0; i < matches.length; i++) {
        const match = matches[i]!;
        if (this.marks.wants(match.termId)) this.marks.add(node, match);
      }
      if (performance.now() > this.deadline) return this.resume(node, k, text);
    }
    return true;
  }

  /** The slice is spent in the middle of a node: yield to the page, then read on from piece `k`. */
  private async resume(node: Text, k: number, text: string): Promise<boolean> {
    this.stats.slice(this.sliceStart);
    await yieldToPage();
    if (!this.alive()) return false;
    this.startSlice();
    // Rewritten while we were away: the offsets no longer hold, and the observer queues it again.
    if (node.data !== text) return true;
    return this.read(node, k, text);
  }
}
