/**
 * Committee, meeting number and organiser from the title lines:
 *   サイバーセキュリティタスクフォース（第6回）議事要旨
 *   産業サイバーセキュリティ研究会 ワーキンググループ3(…)(第2回) 議事要旨
 *   高度情報通信ネットワーク社会推進戦略本部情報セキュリティ政策会議 / 重要インフラ専門委員会 / 第32回会合議事要旨（案）
 */
const NUMBER = /[(（]?\s*第\s*([0-9０-９]+|[一二三四五六七八九十百]+)\s*回\s*(?:会合)?\s*[)）]?/;
const TRAILER = /[\s\u3000]*(?:議事(?:要旨|録|概要)|会合)(?:[（(]案[)）])?[\s\u3000]*$/;

export interface TitleInfo {
  committee: string | null;
  number: number | null;
  organiser: string | null;
}

function toNumber(text: string): number {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  let total = 0;
  let cur = 0;
  for (const c of text) {
    if (c === '百') { total += (cur || 1) * 100; cur = 0; }
    else if (c === '十') { total += (cur || 1) * 10; cur = 0; }
    else cur = digits[c] ?? 0;
  }
  return total + cur;
}

const tidy = (s: string) => s.replace(TRAILER, '').replace(/[\s\u3000]+$/, '').replace(/^[\s\u3000]+/, '');

export function readTitle(lines: string[], secretariat: string | null): TitleInfo {
  const fromSecretariat = secretariat ? secretariat.replace(/[\s\u3000]*事務局$/, '') || null : null;
  for (let i = 0; i < lines.length; i++) {
    const m = NUMBER.exec(lines[i]!);
    if (!m) continue;
    const before = tidy(lines[i]!.slice(0, m.index));
    // 第32回会合議事要旨 on a line of its own: the committee is the line above.
    const committee = before || (i > 0 ? tidy(lines[i - 1]!) : null) || fromSecretariat;
    const organiserLines = before ? lines.slice(0, i) : lines.slice(0, Math.max(0, i - 1));
    return {
      committee,
      number: toNumber(m[1]!),
      organiser: organiserLines.length > 0 ? organiserLines.join(' ') : secretariat,
    };
  }
  const whole = tidy(lines.join(' '));
  // A title that is itself a committee's name (…会議 議事要旨) names the committee; 前回までの御議論について does not.
  const named = /(?:会議|委員会|研究会|タスクフォース|協議会|審議会|懇談会|検討会|部会|ワーキンググループ|WG)$/.test(whole);
  return { committee: fromSecretariat ?? (named ? whole : null), number: null, organiser: secretariat };
}
