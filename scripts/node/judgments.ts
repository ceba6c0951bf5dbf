/** The graded ranking judgments (tests/fixtures/ranking/judgments.json), read for the bench and the tests. */
import { readFileSync } from 'node:fs';
import type { Judged } from '../../lib/search/judge';

export const JUDGMENTS_FILE = 'tests/fixtures/ranking/judgments.json';

interface File {
  queries: { query: string; kind: string; judgments: { remark: string; grade: number; quote: string }[] }[];
}

export function readJudgments(file = JUDGMENTS_FILE): Judged[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as File;
  return data.queries.map((q) => ({ query: q.query, kind: q.kind, grades: new Map(q.judgments.map((j) => [j.remark, j.grade])) }));
}
