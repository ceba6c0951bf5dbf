/**
 * How hits are ordered. Relevance starts from BM25+, as MiniSearch defines it
 * (its default parameters, its field length: a remark's unique terms, and its
 * "quality": a hit's score times the query terms it matches), computed over
 * the index's postings. Then:
 *
 * - `plain` (the ranking before issue 13, kept so the bench can compare):
 *   remarks with the exact phrase first, then those with every word, then
 *   the rest, each tier by score;
 * - `readers` (the default): what a reader of the minutes wants first are
 *   the members' substantive remarks on the query. BM25 favours short texts,
 *   so a one-line acknowledgement that names the word outranked the argument
 *   about it; and agenda lines or 「…を説明」 reports rank as if they said
 *   something. So the score is weighed by what the remark is (procedure goes
 *   down) and by its length (a passing mention is short), and the match
 *   tiers become a bonus rather than walls: an exact phrase in an agenda line
 *   no longer beats an argument that uses the words apart.
 *
 * The weights were set against the graded judgments in
 * tests/fixtures/ranking/judgments.json (written before this ranking): over
 * a grid of them nDCG@5 moved between 0.64 and 0.69, so these are the
 * plain ones near the top, not a fit to the last digit. Weighing members'
 * turns above the secretariat's changed nothing there, so it is not done.
 * `npm run bench` reports nDCG@5 and recall@10 for both rankings.
 */
import { PROCEDURAL } from './quality';

export type Ranking = 'readers' | 'plain';
export type MatchKind = 'phrase' | 'all' | 'some';

/** MiniSearch's BM25+ defaults: term frequency saturation, length normalisation, and the + lower bound. */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export function idf(documents: number, matching: number): number {
  return Math.log(1 + (documents - matching + 0.5) / (matching + 0.5));
}

export function bm25(tf: number, termIdf: number, length: number, averageLength: number): number {
  return termIdf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / averageLength)));
}

const TIER: Record<MatchKind, number> = { phrase: 2, all: 1, some: 0 };

/** The readers' ranking's weights (see above); exported for the bench's tuning runs. */
export const WEIGHT = {
  phrase: 1.2,
  procedural: 0.4,
  /**
   * A remark this long (UTF-8 bytes: about 80 Japanese characters; the size is
   * known without reading the text) or longer counts fully; shorter ones are passing mentions.
   */
  fullBytes: 240,
  shortest: 0.4,
};

/** A hit's score as the ranking orders it: within its tier (`plain`), or everything weighed together. */
export function rankScore(ranking: Ranking, raw: number, match: MatchKind, flags: number, bytes: number): number {
  if (ranking === 'plain') return raw;
  let w = match === 'phrase' ? WEIGHT.phrase : 1;
  if (flags & PROCEDURAL) w *= WEIGHT.procedural;
  w *= Math.min(1, WEIGHT.shortest + ((1 - WEIGHT.shortest) * bytes) / WEIGHT.fullBytes);
  return raw * w;
}

/** The plain ranking keeps its tiers as walls; the readers' ranking has only scores. */
export const tierOf = (ranking: Ranking, match: MatchKind): number => (ranking === 'plain' ? TIER[match] : 0);
