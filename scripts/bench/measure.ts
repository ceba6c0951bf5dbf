/** Timing and statistics helpers for the benchmark. */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Milliseconds `fn` takes, with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Time `fn` `runs` times, after `warmup` untimed runs (JIT, caches). */
export async function timeRuns(runs: number, fn: () => unknown, { warmup = 1 } = {}): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  return times;
}

/** Nearest-rank percentile (p in 0..1): a figure that was actually measured. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export const median = (values: number[]): number => percentile(values, 0.5);

/** Rounded to `digits` decimals, as a number (for the JSON line). */
export const round = (n: number, digits = 2): number => +n.toFixed(digits);

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
/** Decimal megabytes, the unit the extension's heap targets are stated in. */
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A full garbage collection, so heap figures count live objects only. Without
 * `--expose-gc` on the command line, the flag is set at run time and `gc` is
 * fetched from a fresh context (V8 installs it there once the flag is on).
 */
export const collectGarbage: () => void = (() => {
  if (typeof global.gc === 'function') return global.gc;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
})();

/** Live heap bytes after a full collection. */
export function liveHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
