/**
 * What the content script costs the page, measured by itself: main-thread time
 * of its scan slices, and how long a popover takes from the pointer coming to
 * rest to painted results. Reported through `content/state` for the benchmark.
 */
import type { ContentState } from '../../lib/messaging/protocol';

export class Stats {
  readonly work = { totalMs: 0, longestMs: 0, slices: 0 };
  /** When the content script's set-up began. */
  readonly startedAt = performance.now();
  readonly popover = { opened: 0, lastMs: null as number | null };

  /**
   * The synchronous set-up (building the matcher) has ended. It is a task of
   * its own: the first scan waits for the reader's settings to be read.
   */
  setUpDone(): void {
    this.slice(this.startedAt);
  }

  /** A slice of scanning that ran from `start` until now without yielding. */
  slice(start: number): void {
    const ms = performance.now() - start;
    this.work.totalMs += ms;
    this.work.slices++;
    if (ms > this.work.longestMs) this.work.longestMs = ms;
  }

  /**
   * Results of a popover opened at `start` are in the DOM: count until the
   * next frame is painted (a message posted from the frame's animation
   * callback arrives just after that frame's paint).
   */
  popoverShown(start: number): void {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        this.popover.opened++;
        this.popover.lastMs = performance.now() - start;
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
  }

  snapshot(): Pick<ContentState, 'work' | 'popover'> {
    const r = (n: number) => Math.round(n * 100) / 100;
    return {
      work: { totalMs: r(this.work.totalMs), longestMs: r(this.work.longestMs), slices: this.work.slices },
      popover: { opened: this.popover.opened, lastMs: this.popover.lastMs === null ? null : r(this.popover.lastMs) },
    };
  }
}
