/** Hands the main thread back to the page between slices of work. */

type Scheduler = { postTask?: (task: () => void, options?: { priority?: string }) => Promise<void> };

export function yieldToPage(): Promise<void> {
  // Not scheduler.yield: its continuation jumps ahead of the page's queued
  // tasks, so a page's timers would wait for our whole scan (we measured a
  // 170 ms stall on 1 MB). A posted task of ordinary priority queues behind
  // them. setTimeout is the fallback where postTask is missing (older
  // Firefox), at the cost of a clamp of a few milliseconds.
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resume) => setTimeout(resume, 0));
}
