/**
 * `npx tsx scripts/glossary-candidates.ts`: seeds/ → lib/terms/candidates.tsv,
 * the candidate terms the glossary (lib/terms/glossary.json) is curated from.
 *
 * kuromoji (IPADIC) over each searchable remark's normalised text, as the
 * index build analyses it. A candidate is
 *
 * - a noun compound: a maximal run of consecutive 名詞 tokens, trimmed of
 *   numbers, pronouns and dependent nouns (数, 代名詞, 非自立, 副詞可能) at either
 *   edge and of suffixes (接尾) at its start, when two or more tokens remain;
 * - a single noun of two or more characters that the index keeps as a term
 *   (neither 数, 代名詞, 非自立, 接尾 nor 副詞可能);
 * - a katakana word: a run of katakana as written (クラウドサービス), whatever
 *   kuromoji made of it; a katakana token inside a longer run does not count
 *   on its own (kuromoji splits クラウド into クラ + ウド);
 * - a Latin word: kuromoji splits `5g`, `ict-isac`, `jpcert/cc`, `c&c` into
 *   letters, digits and signs, which are joined back into one noun first;
 * - a compound across a blank that sets a Latin word off (`e シール`,
 *   `5g セキュリティ`), besides the nouns on either side of it; counted under
 *   its form without the blank, with the compound written without one.
 *
 * Candidates are counted by their normalised form: `freq` is occurrences,
 * `remarks` the number of remarks that contain it, `meetings` the number of
 * meetings those remarks belong to (a word one meeting repeats is that
 * meeting's topic; one several meetings use is the field's). The `term` column shows
 * the form the minutes write most often (NFKC, case kept: IoT, not iot). URLs
 * are skipped. Sorted by freq (descending), then term: same seeds, same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import kuromoji from 'kuromoji';
import { isSearchable } from '../lib/search/build';
import { GLOSSARY, type GlossaryTerm } from '../lib/terms/glossary';
import { normalize, normalizeWithMap } from '../lib/text/normalize';
import { minutesFilesIn, readMinutesFile, shown } from './node/minutes-files';

export const CANDIDATES_FILE = join('lib', 'terms', 'candidates.tsv');
export const REJECTED_FILE = join('lib', 'terms', 'rejected.tsv');

type Kuromoji = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

interface Tok {
  surface: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  pos: string;
  detail: string;
}

export interface Candidate {
  /** The form the minutes write most often (NFKC, case kept). */
  term: string;
  /** Normalised form: what counting groups by. */
  key: string;
  freq: number;
  remarks: number;
  meetings: number;
}

/** Not part of a term's edge (both ends). */
const EDGE_DROP = new Set(['数', '代名詞', '非自立', '副詞可能']);
/** Nouns the index does not keep as terms on their own. */
const SINGLE_DROP = new Set(['数', '代名詞', '非自立', '接尾', '副詞可能']);
const HAS_LETTER = /\p{L}/u;
const LATIN_PIECE = /^[a-z0-9&/.\-]+$/;
const LATIN_WORD = /^[a-z0-9]+(?:[&/.\-][a-z0-9]+)*$/;
const URL = /(?:https?:\/\/|www\.)[\x21-\x7e]+/g;
/** A katakana word as written: a run of katakana (and ー), however kuromoji splits it. */
const KATAKANA_RUN = /[\u30a1-\u30fa\u30fc]{2,}/g;

let tokenizer: Promise<Kuromoji> | undefined;

function loadTokenizer(): Promise<Kuromoji> {
  const dicPath = join(dirname(createRequire(import.meta.url).resolve('kuromoji/package.json')), 'dict');
  tokenizer ??= new Promise((ok, fail) => kuromoji.builder({ dicPath }).build((e, t) => (e ? fail(e) : ok(t))));
  return tokenizer;
}

/** kuromoji's tokens with offsets, Latin pieces (`5`+`g`, `ict`+`-`+`isac`) joined into one noun. */
function tokens(t: Kuromoji, text: string): Tok[] {
  const out: Tok[] = [];
  let cursor = 0;
  for (const k of t.tokenize(text)) {
    // Not k.word_position: kuromoji gets it wrong after some sentence ends (soumu-cstf-24-r6).
    const found = text.indexOf(k.surface_form, cursor);
    const start = found < 0 ? cursor : found;
    cursor = start + k.surface_form.length;
    const tok: Tok = { surface: k.surface_form, start, end: start + k.surface_form.length, pos: k.pos, detail: k.pos_detail_1 };
    const prev = out[out.length - 1];
    if (prev && prev.end === tok.start && LATIN_PIECE.test(prev.surface) && LATIN_PIECE.test(tok.surface)) {
      prev.surface += tok.surface;
      prev.end = tok.end;
      continue;
    }
    out.push(tok);
  }
  // kuromoji calls unknown signs nouns (`(`, `:`, a lone `-`): they end a run instead. A joined
  // Latin run is a noun when it is a word (letters, digits, inner signs) with a letter.
  for (const tok of out) {
    if (!/[\p{L}\p{N}]/u.test(tok.surface)) {
      tok.pos = '記号';
      tok.detail = '一般';
      continue;
    }
    if (!LATIN_PIECE.test(tok.surface)) continue;
    if (LATIN_WORD.test(tok.surface) && /[a-z]/.test(tok.surface)) {
      tok.pos = '名詞';
      tok.detail = '一般';
    } else if (!/^[0-9]+$/.test(tok.surface)) {
      tok.pos = '記号';
      tok.detail = '一般';
    }
  }
  return out;
}

const isLatinWord = (t: Tok | undefined) => t !== undefined && t.pos === '名詞' && LATIN_WORD.test(t.surface) && /[a-z]/.test(t.surface);

/**
 * Whether the blank at `j` joins two nouns into one compound: minutes set
 * Latin words off with spaces (`e シール`, `iot 機器`, `5g セキュリティ`), which
 * their authors do not mean as a break. Between two Japanese words, or two
 * Latin ones (`fake news`), a blank stays a break.
 */
function bridges(toks: Tok[], j: number): boolean {
  const [before, blank, after] = [toks[j - 1], toks[j], toks[j + 1]];
  if (!before || !blank || !after || before.end !== blank.start || blank.end !== after.start) return false;
  if (blank.surface !== ' ' || before.pos !== '名詞' || after.pos !== '名詞') return false;
  return isLatinWord(before) !== isLatinWord(after);
}

const isSingle = (t: Tok) => t.pos === '名詞' && !SINGLE_DROP.has(t.detail) && [...t.surface].length >= 2 && HAS_LETTER.test(t.surface) && !/^ー+$/.test(t.surface);

/**
 * The candidate spans of one normalised text, as [start, end) offsets into it,
 * each span once. A katakana token counts alone only when it is a whole
 * katakana word: kuromoji splits some (クラウド → クラ + ウド), and the pieces
 * are not words.
 */
function spans(text: string, toks: Tok[]): [number, number][] {
  const found: [number, number][] = [];
  const katakana: [number, number][] = [];
  for (const m of text.matchAll(KATAKANA_RUN)) {
    katakana.push([m.index!, m.index! + m[0].length]);
    if (!/^ー+$/.test(m[0])) found.push([m.index!, m.index! + m[0].length]);
  }
  const fragment = (t: Tok) => katakana.some(([s, e]) => s <= t.start && t.end <= e && (s < t.start || t.end < e));
  /** A run's compound: trimmed of edge words, when two or more nouns remain. */
  const compound = (run: Tok[]) => {
    let a = 0;
    let b = run.length;
    while (a < b && (EDGE_DROP.has(run[a]!.detail) || run[a]!.detail === '接尾')) a++;
    while (b > a && EDGE_DROP.has(run[b - 1]!.detail)) b--;
    if (b - a >= 2) found.push([run[a]!.start, run[b - 1]!.end]);
  };
  let i = 0;
  while (i < toks.length) {
    if (toks[i]!.pos !== '名詞') {
      i++;
      continue;
    }
    // The nouns between blanks, then the run across them (e シール): a blank may or may
    // not part two words, so both readings count.
    const pieces: Tok[][] = [[toks[i]!]];
    let j = i + 1;
    for (;;) {
      if (j < toks.length && toks[j]!.pos === '名詞') pieces[pieces.length - 1]!.push(toks[j++]!);
      else if (bridges(toks, j)) {
        pieces.push([toks[j + 1]!]);
        j += 2;
      } else break;
    }
    const run = pieces.flat();
    for (const t of run) if (isSingle(t) && !fragment(t)) found.push([t.start, t.end]);
    for (const piece of pieces) compound(piece);
    if (pieces.length > 1) compound(run);
    i = j;
  }
  const seen = new Set<string>();
  return found.filter(([s, e]) => !seen.has(`${s}:${e}`) && !!seen.add(`${s}:${e}`));
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Count the candidates of the seed minutes in `dir`. */
export async function collectCandidates(dir = 'seeds'): Promise<Candidate[]> {
  const t = await loadTokenizer();
  const stats = new Map<string, { freq: number; remarks: Set<string>; meetings: Set<string>; written: Map<string, number> }>();
  for (const file of minutesFilesIn(dir)) {
    const { meeting, remarks } = await readMinutesFile(file);
    for (const remark of remarks) {
      if (!isSearchable(remark)) continue;
      const { text, map } = normalizeWithMap(remark.text);
      // URLs become blanks of the same length, so offsets stay valid.
      const plain = text.replace(URL, (u) => ' '.repeat(u.length));
      for (const [s, e] of spans(plain, tokens(t, plain))) {
        // One key for a compound written with and without its blank (e シール, eシール).
        const key = text.slice(s, e).replace(/ /g, '');
        if (!HAS_LETTER.test(key)) continue;
        const written = remark.text.slice(map[s]!, map[e]!).normalize('NFKC');
        let st = stats.get(key);
        if (!st) stats.set(key, (st = { freq: 0, remarks: new Set(), meetings: new Set(), written: new Map() }));
        st.freq++;
        st.remarks.add(remark.id);
        st.meetings.add(meeting.id);
        st.written.set(written, (st.written.get(written) ?? 0) + 1);
      }
    }
  }
  const out: Candidate[] = [];
  for (const [key, st] of stats) {
    const [term] = [...st.written].sort(([a, x], [b, y]) => y - x || byCodeUnits(a, b))[0]!;
    out.push({ term, key, freq: st.freq, remarks: st.remarks.size, meetings: st.meetings.size });
  }
  return out.sort((a, b) => b.freq - a.freq || byCodeUnits(a.term, b.term) || byCodeUnits(a.key, b.key));
}

/** The candidate list as the committed TSV: header `term\tfreq\tremarks\tmeetings`, one candidate a line. */
export function formatCandidates(candidates: readonly Candidate[]): string {
  const rows = candidates.map((c) => `${c.term}\t${c.freq}\t${c.remarks}\t${c.meetings}`);
  return ['term\tfreq\tremarks\tmeetings', ...rows].join('\n') + '\n';
}

export async function candidatesTsv(dir = 'seeds'): Promise<string> {
  return formatCandidates(await collectCandidates(dir));
}

/**
 * What the glossary must account for: a candidate the minutes discuss in at
 * least this many remarks of at least this many meetings. One meeting's
 * repeated word is often its agenda (総務省, 大会); several meetings returning
 * to it make it the field's, and a reader will meet it in articles.
 */
export const COVERAGE = { remarks: 3, meetings: 2 } as const;

/**
 * Why a reviewed candidate is not a glossary term (`lib/terms/rejected.tsv`
 * explains each). A generic word of the field that English questions use
 * (attack, data) is a glossary term with `mark: false` instead.
 */
export const REJECT_REASONS = [
  'generic',
  'adjectival',
  'verbal',
  'fragment',
  'procedural',
  'document',
  'place',
  'person',
  'organisation',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Rejected {
  term: string;
  reason: RejectReason;
  note: string;
  /** Line in the file, for messages. */
  line: number;
}

/**
 * The key a candidate and a written form are compared by: normalised, without
 * blanks (the minutes write e シール, the glossary eシール; candidates are
 * counted without the blank already).
 */
export const coverageKey = (s: string): string => normalize(s).replace(/\s+/g, '');

/** `lib/terms/rejected.tsv`: `#` comments, a `term\treason\tnote` header, one candidate a line. */
export function parseRejected(tsv: string): { entries: Rejected[]; problems: string[] } {
  const entries: Rejected[] = [];
  const problems: string[] = [];
  let header = false;
  tsv.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (!header) {
      if (raw !== 'term\treason\tnote') problems.push(`line ${line}: expected the header term<TAB>reason<TAB>note`);
      header = true;
      return;
    }
    const [term = '', reason = '', note = ''] = cells;
    if (cells.length !== 3) problems.push(`line ${line}: ${cells.length} columns, not 3`);
    else if (term.trim() === '' || term !== term.trim()) problems.push(`line ${line}: blank or padded term`);
    else if (!(REJECT_REASONS as readonly string[]).includes(reason)) problems.push(`line ${line}: ${term}: unknown reason ${reason}`);
    else if (note.trim() === '') problems.push(`line ${line}: ${term}: no note`);
    else entries.push({ term, reason: reason as RejectReason, note, line });
  });
  if (!header) problems.push('no header line');
  return { entries, problems };
}

export function readRejected(file = REJECTED_FILE): { entries: Rejected[]; problems: string[] } {
  return parseRejected(readFileSync(file, 'utf8'));
}

/** Normalised form (blanks removed) → id of the glossary term that has it as ja, English name or variant. */
export function glossaryForms(glossary: readonly GlossaryTerm[]): Map<string, string> {
  const forms = new Map<string, string>();
  for (const t of glossary) for (const f of [t.ja, ...t.en, ...t.variants]) forms.set(coverageKey(f), t.id);
  return forms;
}

export const discussed = (c: Candidate): boolean => c.remarks >= COVERAGE.remarks && c.meetings >= COVERAGE.meetings;

/** Candidates the minutes discuss (`COVERAGE`) that are neither a form of a glossary term nor rejected. */
export function unreviewed(candidates: readonly Candidate[], glossary: readonly GlossaryTerm[], rejected: readonly Rejected[]): Candidate[] {
  const forms = glossaryForms(glossary);
  const out = new Set(rejected.map((r) => coverageKey(r.term)));
  return candidates.filter((c) => discussed(c) && !forms.has(coverageKey(c.key)) && !out.has(coverageKey(c.key)));
}

/**
 * Problems with the rejected list against the candidates and the glossary:
 * an entry listed twice, one that is also a glossary form (the review must
 * say one thing), one that is no candidate at all (a typo, or a word the
 * seeds no longer use).
 */
export function rejectedProblems(rejected: readonly Rejected[], candidates: readonly Candidate[], glossary: readonly GlossaryTerm[]): string[] {
  const problems: string[] = [];
  const forms = glossaryForms(glossary);
  const known = new Set(candidates.map((c) => coverageKey(c.key)));
  const seen = new Map<string, number>();
  for (const r of rejected) {
    const key = coverageKey(r.term);
    const before = seen.get(key);
    if (before !== undefined) problems.push(`line ${r.line}: ${r.term} is rejected already on line ${before}`);
    else seen.set(key, r.line);
    const id = forms.get(key);
    if (id !== undefined) problems.push(`line ${r.line}: ${r.term} is rejected, but is a form of the glossary term ${id}`);
    if (!known.has(key)) problems.push(`line ${r.line}: ${r.term} is no candidate`);
  }
  return problems;
}

async function main(): Promise<void> {
  const candidates = await collectCandidates();
  const tsv = formatCandidates(candidates);
  writeFileSync(CANDIDATES_FILE, tsv);
  console.log(`${shown(CANDIDATES_FILE)}: ${candidates.length} candidates`);
  // What the coverage test will say, so that a curator sees it at once.
  const { entries, problems } = readRejected();
  const open = unreviewed(candidates, GLOSSARY, entries);
  const forms = glossaryForms(GLOSSARY);
  const wanted = candidates.filter(discussed);
  const inGlossary = wanted.filter((c) => forms.has(coverageKey(c.key))).length;
  console.log(
    `discussed in ≥${COVERAGE.remarks} remarks of ≥${COVERAGE.meetings} meetings: ${wanted.length} ` +
      `(glossary terms ${inGlossary}, rejected ${wanted.length - inGlossary - open.length}, to review ${open.length})`,
  );
  for (const p of [...problems, ...rejectedProblems(entries, candidates, GLOSSARY)]) console.log(`${shown(REJECTED_FILE)}: ${p}`);
  for (const c of open) console.log(`to review: ${c.term}\t${c.freq}\t${c.remarks}\t${c.meetings}`);
}

// The command line only when run directly (tests import the functions above).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
