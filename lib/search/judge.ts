/**
 * Ranking quality against graded judgments: nDCG@k (graded gain 2^g − 1,
 * log₂ discount) and recall@k (share of the judged relevant remarks in the
 * top k). Pure, so the bench and a test compute the same figures.
 */

export interface Judged {
  query: string;
  kind: string;
  /** Remark id → grade (1 weak, 2 substantive); unlisted remarks are 0. */
  grades: Map<string, number>;
}

export function ndcg(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  const gain = (g: number) => 2 ** g - 1;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => (dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2)));
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  ideal.forEach((g, i) => (idcg += gain(g) / Math.log2(i + 2)));
  return idcg === 0 ? 0 : dcg / idcg;
}

export function recall(ranked: readonly string[], grades: ReadonlyMap<string, number>, k: number): number {
  const relevant = [...grades].filter(([, g]) => g > 0).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export interface RankingFigures {
  queries: number;
  ndcg5: number;
  recall10: number;
  /** By query kind (ja-term, en-question…): the same two figures. */
  byKind: Record<string, { queries: number; ndcg5: number; recall10: number }>;
}

/** Mean nDCG@5 and recall@10 over the judged queries, for a search function returning remark ids best first. */
export function judge(judged: readonly Judged[], search: (query: string) => string[]): RankingFigures {
  const rows = judged.map((j) => {
    const ranked = search(j.query);
    return { kind: j.kind, ndcg5: ndcg(ranked, j.grades, 5), recall10: recall(ranked, j.grades, 10) };
  });
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000);
  const byKind: RankingFigures['byKind'] = {};
  for (const kind of [...new Set(rows.map((r) => r.kind))].sort()) {
    const of = rows.filter((r) => r.kind === kind);
    byKind[kind] = { queries: of.length, ndcg5: mean(of.map((r) => r.ndcg5)), recall10: mean(of.map((r) => r.recall10)) };
  }
  return { queries: rows.length, ndcg5: mean(rows.map((r) => r.ndcg5)), recall10: mean(rows.map((r) => r.recall10)) , byKind };
}
