/**
 * Checks the graded ranking judgments in tests/fixtures/ranking/judgments.json
 * against the golden parses in tests/golden/*.json.
 *
 *   npx tsx scripts/check-judgments.ts [path/to/judgments.json]
 *
 * Verifies that every judged remark id exists, is not a heading, and that its
 * text contains the judgment's quote (10–25 characters); also checks query
 * kinds, grades (1 or 2) and duplicates. Prints counts of queries by kind and
 * judgments by grade and kind. Exits with status 1 on any problem.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const KINDS = ['ja-term', 'ja-phrase', 'ja-question', 'en-term', 'en-phrase', 'en-question'] as const;
type QueryKind = (typeof KINDS)[number];
const QUOTE_MIN = 10;
const QUOTE_MAX = 25;

interface GoldenRemark {
  id: string;
  kind: string;
  text: string;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const judgmentsPath = resolve(process.argv[2] ?? join(root, 'tests/fixtures/ranking/judgments.json'));
const goldenDir = join(root, 'tests/golden');

const problems: string[] = [];
const notes: string[] = [];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function loadGolden(): Map<string, GoldenRemark> {
  const remarks = new Map<string, GoldenRemark>();
  const files = readdirSync(goldenDir).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const data: unknown = JSON.parse(readFileSync(join(goldenDir, file), 'utf8'));
    const list = isRecord(data) ? data.remarks : undefined;
    if (!Array.isArray(list)) {
      problems.push(`${file}: no "remarks" array`);
      continue;
    }
    for (const r of list) {
      if (!isRecord(r) || typeof r.id !== 'string' || typeof r.kind !== 'string' || typeof r.text !== 'string') {
        problems.push(`${file}: malformed remark ${JSON.stringify(r).slice(0, 80)}`);
        continue;
      }
      if (remarks.has(r.id)) problems.push(`${file}: duplicate remark id ${r.id}`);
      remarks.set(r.id, { id: r.id, kind: r.kind, text: r.text });
    }
  }
  return remarks;
}

function main(): number {
  const remarks = loadGolden();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(judgmentsPath, 'utf8'));
  } catch (err) {
    console.error(`cannot read ${judgmentsPath}: ${(err as Error).message}`);
    return 1;
  }
  if (!isRecord(data)) {
    console.error('judgments file is not a JSON object');
    return 1;
  }
  if (typeof data.description !== 'string' || data.description.trim() === '') {
    problems.push('missing "description"');
  }
  const queries = data.queries;
  if (!Array.isArray(queries)) {
    console.error('judgments file has no "queries" array');
    return 1;
  }

  const queriesByKind = new Map<QueryKind, number>(KINDS.map((k) => [k, 0]));
  const byGrade = new Map<number, number>([
    [1, 0],
    [2, 0],
  ]);
  const byKindGrade = new Map<QueryKind, [number, number]>(KINDS.map((k) => [k, [0, 0]]));
  const seenQueries = new Set<string>();
  const judgedRemarks = new Set<string>();

  queries.forEach((q, qi) => {
    const where = `queries[${qi}]`;
    if (!isRecord(q) || typeof q.query !== 'string' || q.query.trim() === '') {
      problems.push(`${where}: missing "query" text`);
      return;
    }
    const label = `${where} "${q.query}"`;
    const key = q.query.trim().toLowerCase();
    if (seenQueries.has(key)) problems.push(`${label}: duplicate query`);
    seenQueries.add(key);

    const kind = q.kind;
    if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
      problems.push(`${label}: kind ${JSON.stringify(kind)} is not one of ${KINDS.join(', ')}`);
    }
    const qKind = (KINDS as readonly string[]).includes(String(kind)) ? (kind as QueryKind) : undefined;
    if (qKind) queriesByKind.set(qKind, (queriesByKind.get(qKind) ?? 0) + 1);

    if (!Array.isArray(q.judgments) || q.judgments.length === 0) {
      problems.push(`${label}: no judgments`);
      return;
    }
    const seenRemarks = new Set<string>();
    let grade2 = 0;
    q.judgments.forEach((j, ji) => {
      const jw = `${label} judgments[${ji}]`;
      if (!isRecord(j)) {
        problems.push(`${jw}: not an object`);
        return;
      }
      const { remark: id, grade, quote } = j;
      if (typeof id !== 'string') {
        problems.push(`${jw}: missing "remark" id`);
        return;
      }
      if (seenRemarks.has(id)) problems.push(`${jw}: ${id} judged twice`);
      seenRemarks.add(id);
      if (grade !== 1 && grade !== 2) {
        problems.push(`${jw}: ${id} grade ${JSON.stringify(grade)} must be 1 or 2 (omit grade-0 remarks)`);
      } else {
        byGrade.set(grade, (byGrade.get(grade) ?? 0) + 1);
        if (grade === 2) grade2++;
        if (qKind) {
          const counts = byKindGrade.get(qKind);
          if (counts) counts[grade === 2 ? 1 : 0] += 1;
        }
      }
      const remark = remarks.get(id);
      if (!remark) {
        problems.push(`${jw}: remark ${id} does not exist in tests/golden`);
        return;
      }
      judgedRemarks.add(id);
      if (remark.kind === 'heading') problems.push(`${jw}: ${id} is a heading`);
      if (typeof quote !== 'string') {
        problems.push(`${jw}: ${id} has no "quote"`);
        return;
      }
      const len = [...quote].length;
      if (len < QUOTE_MIN || len > QUOTE_MAX) {
        problems.push(`${jw}: ${id} quote "${quote}" has ${len} characters (want ${QUOTE_MIN}-${QUOTE_MAX})`);
      }
      if (!remark.text.includes(quote)) {
        problems.push(`${jw}: ${id} text does not contain quote "${quote}"`);
      }
    });
    if (grade2 < 2) notes.push(`"${q.query}" has ${grade2} grade-2 judgment(s)`);
  });

  const total = (byGrade.get(1) ?? 0) + (byGrade.get(2) ?? 0);
  console.log(`judgments file: ${judgmentsPath}`);
  console.log(`golden remarks: ${remarks.size} (judged at least once: ${judgedRemarks.size})`);
  console.log(`queries: ${queries.length}`);
  for (const k of KINDS) console.log(`  ${k.padEnd(12)} ${queriesByKind.get(k) ?? 0}`);
  console.log(`judgments: ${total} (grade 2: ${byGrade.get(2) ?? 0}, grade 1: ${byGrade.get(1) ?? 0})`);
  console.log('judgments by query kind (grade 2 / grade 1):');
  for (const k of KINDS) {
    const [g1, g2] = byKindGrade.get(k) ?? [0, 0];
    console.log(`  ${k.padEnd(12)} ${String(g2).padStart(4)} / ${String(g1).padStart(4)}`);
  }
  for (const n of notes) console.log(`note: ${n}`);

  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):`);
    for (const p of problems) console.error(`  - ${p}`);
    return 1;
  }
  console.log('OK');
  return 0;
}

process.exit(main());
