// PDF text runs → lines → text, on hand-placed runs: the rules of
// lib/extract/pdf/ one by one (real PDFs are in tests/formats/).
import { describe, expect, it } from 'vitest';
import { dropFurniture } from '../../lib/extract/pdf/furniture';
import { joinWrapped, layoutText } from '../../lib/extract/pdf/layout';
import { linesOfPage, type PdfLine, type TextRun } from '../../lib/extract/pdf/lines';

const SIZE = 10;
/** A run with Japanese glyphs one em wide and Latin ones half an em. */
function run(str: string, x: number, y: number, size = SIZE): TextRun {
  const width = [...str].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1) * size, 0);
  return { str, x, y, width, height: size };
}

/** Lines laid out on a page 40 ems wide from x = 50, 16 pt apart, a blank line left where '' stands. */
function page(texts: string[], p = 0, top = 800): PdfLine[] {
  let y = top;
  const runs: TextRun[] = [];
  for (const t of texts) {
    if (t !== '') runs.push(run(t, 50, y));
    y -= 16;
  }
  return linesOfPage({ runs }, p);
}

describe('runs → lines', () => {
  it('reads runs on one baseline left to right, lines top to bottom', () => {
    const lines = linesOfPage({ runs: [run('二行目', 50, 700), run('です', 80, 700), run('一行目', 50, 716), run('', 0, 0)] }, 0);
    expect(lines.map((l) => l.text)).toEqual(['一行目', '二行目です']);
  });
  it('puts a space between Latin runs a gap apart, and between Japanese ones only for a wide gap', () => {
    const [latin] = linesOfPage({ runs: [run('Cyber', 50, 700), run('security', 80, 700)] }, 0);
    expect(latin!.text).toBe('Cyber security');
    const [jp] = linesOfPage({ runs: [run('日', 50, 700), run('時', 70, 700), run('：平成', 80, 700)] }, 0);
    expect(jp!.text).toBe('日 時：平成');
  });
  it('keeps a superscript on its line', () => {
    const lines = linesOfPage({ runs: [run('注', 50, 700), run('1', 60, 703, 6), run('を参照', 66, 700)] }, 0);
    expect(lines.map((l) => l.text)).toEqual(['注1を参照']);
  });
});

describe('page furniture', () => {
  const WORDS = ['情報共有', 'テレワーク', 'サイバー保険', 'IoT機器', '5G', 'ISAC', '人材育成', '脆弱性'];
  const body = (p: number) => [0, 1, 2, 3, 4].map((i) => `${WORDS[(p + i) % WORDS.length]}について${WORDS[(p * 3 + i) % WORDS.length]}の議論があった。`);
  const withEdges = (top: string | null, bottom: string | null) =>
    [0, 1, 2, 3].map((p) => page([...(top ? [top.replace('#', String(p + 1))] : []), ...body(p), ...(bottom ? [bottom.replace('#', String(p + 1))] : [])], p));

  it.each([['- # -'], ['#/4'], ['# / 4'], ['#'], ['－#－'], ['Page #'], ['p. #']])('drops page numbers written %s', (form) => {
    const kept = dropFurniture(withEdges(null, form)).flat().map((l) => l.text);
    expect(kept).toEqual([0, 1, 2, 3].flatMap(body));
  });
  it('drops page numbers that count from a cover page', () => {
    const pages = withEdges(null, null);
    pages.forEach((lines, p) => p > 0 && lines.push({ ...lines[0]!, text: String(p), y: 40 }));
    expect(dropFurniture(pages).flat().some((l) => /^\d$/.test(l.text))).toBe(false);
  });
  it('drops a running header with a changing number or date, kept on most pages', () => {
    const kept = dropFurniture(withEdges('サイバーセキュリティ会議（第#回）資料', null)).flat().map((l) => l.text);
    expect(kept).toEqual([0, 1, 2, 3].flatMap(body));
  });
  it('keeps what does not repeat: a number that does not count with the pages, a one-page title', () => {
    const pages = withEdges(null, null);
    pages[2]!.push({ ...pages[2]![0]!, text: '2020', y: 40 });
    expect(dropFurniture(pages).flat().map((l) => l.text)).toContain('2020');
    const single = [page(['サイバーセキュリティ会議 議事要旨', ...body(0)])];
    expect(dropFurniture(single)[0]!.map((l) => l.text)).toContain('サイバーセキュリティ会議 議事要旨');
  });
});

describe('lines → text', () => {
  it.each([
    ['Japanese wrap', 'セキュリティ', '対策', 'セキュリティ対策'],
    ['Latin wrap', 'the Internet of', 'Things', 'the Internet of Things'],
    ['hyphenated word', 'cyber secu-', 'rity', 'cyber security'],
    ['hyphen in an address', 'https://example.jp/zoom-', 'privacy', 'https://example.jp/zoom-privacy'],
    ['hyphen in a compound', 'end-to-', 'end', 'end-to-end'],
  ])('%s', (_, before, next, joined) => expect(joinWrapped(before, next)).toBe(joined));

  const full = 'あ'.repeat(39) + 'い';
  it('joins a line the layout wrapped, keeps a short line and a label at line starts', () => {
    const text = layoutText(page([full, '続きの文である。', '山田委員)', '短い行。', '次の行。']));
    expect(text).toBe(`${full}続きの文である。\n山田委員)\n短い行。\n次の行。`);
  });
  it('joins across kinsoku: a line a character short whose next line starts with 。', () => {
    expect(layoutText(page(['あ'.repeat(39), 'い。終わり。', '次。']))).toBe(`${'あ'.repeat(39)}い。終わり。\n次。`);
  });
  it('never joins a bullet or a numbered heading to a full line before it', () => {
    expect(layoutText(page([full, '・次の項目', full, '(2) 議事']))).toBe(`${full}\n・次の項目\n${full}\n(2) 議事`);
  });
  it('mid-sentence, a line that only looks like a label is a continuation', () => {
    expect(layoutText(page(['あ'.repeat(33) + '日本サイバー', '犯罪対策センター)がある。']))).toBe(`${'あ'.repeat(33)}日本サイバー犯罪対策センター)がある。`);
  });
  it('turns paragraph spacing into a blank line, even after a full line', () => {
    expect(layoutText(page(['一つ目の段落。', '', '二つ目の段落。', full, '', '三つ目。']))).toBe(`一つ目の段落。\n\n二つ目の段落。\n${full}\n\n三つ目。`);
  });
  it('across a page break: a wrapped sentence is mended, a finished one ends its paragraph', () => {
    const pages = [...page(['最初の段落。', full], 0), ...page(['続きである。', '新しい行'], 1)];
    expect(layoutText(pages)).toBe(`最初の段落。\n${full}続きである。\n新しい行`);
    const finished = [...page([full, '最初の段落。', 'あ'.repeat(20) + '。'], 0), ...page(['次の段落。'], 1)];
    expect(layoutText(finished)).toBe(`${full}最初の段落。\n${'あ'.repeat(20)}。\n\n次の段落。`);
  });
});
