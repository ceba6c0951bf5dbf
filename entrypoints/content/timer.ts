/**
 * One restartable timeout that dies with the content script. Hover and
 * rescans restart their timers many times a second; `ctx.setTimeout` would
 * add an invalidation listener on every call, so this registers one.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export class Timer {
  private id: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.cancel());
  }

  get pending(): boolean {
    return this.id !== undefined;
  }

  /** (Re)starts the timer. */
  start(run: () => void, ms: number): void {
    this.cancel();
    this.id = setTimeout(() => {
      this.id = undefined;
      run();
    }, ms);
  }

  /** Starts the timer unless it is already counting down. */
  startIfIdle(run: () => void, ms: number): void {
    if (!this.pending) this.start(run, ms);
  }

  cancel(): void {
    if (this.id !== undefined) clearTimeout(this.id);
    this.id = undefined;
  }
}
