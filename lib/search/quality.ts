/**
 * What a remark is, for ranking: the same words weigh differently in a
 * member's argument than in an agenda line or a report of what the
 * secretariat explained. Computed once per remark (at build time for the
 * shipped minutes, when a reader adds theirs) and kept as bit flags.
 */
import type { Remark } from '../minutes/types';

/** Procedural: an agenda line, the meeting opening or closing, a report that material was explained. */
export const PROCEDURAL = 1;

/**
 * The shapes of procedure in Japanese minutes: 「事務局より、資料1「…」を説明（省略）」,
 * 「資料3に基づき…を説明。」, 「(1) 開会」, 「閉会」, 「議事次第」, 「以上」.
 */
const PROCEDURE = [
  /(?:を|について)(?:御?説明|紹介|報告)(?:した|があった|が行われた|を行った)?(?:。|（省略）|\(省略\))?\s*$/,
  /^(?:事務局|[^\s、。]{1,12}(?:構成員|委員|オブザーバ|参事官|課長|室長)?)(?:から|より)、?\s*資料/,
  // A line of the materials list (資料3 事務局説明資料), not a remark that starts by naming one.
  /^資料\s*[0-9０-９]+(?:[-－‐][0-9０-９]+)?\s+[^。、]{0,40}$/,
  /^(?:[(（][0-9０-９]+[)）]\s*)?(?:開会|閉会|議事|議事次第|閉会挨拶|開会挨拶|挨拶|その他|以上)。?$/,
  /(?:開会|閉会)(?:した|する|いたします)。?$/,
];

export function remarkFlags(r: Remark): number {
  const text = r.text.trim();
  let flags = 0;
  if (PROCEDURE.some((p) => p.test(text))) flags |= PROCEDURAL;
  return flags;
}
