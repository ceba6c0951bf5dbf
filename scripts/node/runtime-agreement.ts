/**
 * Whether the extension's run-time analysis (no kuromoji) answers like the
 * shipped index: the seeds indexed through the run-time path, then each query
 * asked of both. The bench reports it; a test holds it to the bar.
 */
import type { ParsedMinutes } from '../../lib/minutes/types';
import { encodeAsset, decodeAsset } from '../../lib/search/asset';
import { analyzeRemarks, assembleTables } from '../../lib/search/build';
import { MinutesIndex } from '../../lib/search/engine';
import { createRuntimeAnalyzer } from '../../lib/search/runtime-analyzer';

export interface Agreement {
  /** Queries the shipped index answers. */
  queries: number;
  /** Of the shipped answers' top 10s, how many remarks the run-time index also has in its top 10. */
  found: number;
  total: number;
  /** Queries whose first result is the same remark. */
  sameTop: number;
  /** Queries where the two differ, for reading. */
  differing: { query: string; missing: number; top: [string | null, string | null] }[];
}

export function runtimeAgreement(shipped: MinutesIndex, minutes: ParsedMinutes[], queries: readonly string[]): Agreement {
  const remarks = minutes.flatMap((m) => m.remarks);
  const terms = analyzeRemarks(remarks, createRuntimeAnalyzer(shipped.vocabulary));
  const tables = assembleTables(minutes.map((m) => m.meeting), remarks, terms, shipped.seeds);
  const runtime = new MinutesIndex(decodeAsset(encodeAsset(tables, { compressIndex: false })));
  const out: Agreement = { queries: 0, found: 0, total: 0, sameTop: 0, differing: [] };
  for (const query of queries) {
    const a = shipped.search(query, { limit: 10 }).map((h) => h.remark.id);
    if (a.length === 0) continue;
    const b = runtime.search(query, { limit: 10 }).map((h) => h.remark.id);
    const missing = a.filter((id) => !b.includes(id)).length;
    out.queries++;
    out.total += a.length;
    out.found += a.length - missing;
    if (a[0] === b[0]) out.sameTop++;
    else out.differing.push({ query, missing, top: [a[0] ?? null, b[0] ?? null] });
  }
  return out;
}
