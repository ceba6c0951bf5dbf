/**
 * Minutes text published the ways ministries publish it: as a web page inside
 * a site's furniture (in several sites' styles), and as a print layout that
 * Chromium turns into a PDF with a running header and page numbers.
 *
 * The seeds and fixtures are text in a light markdown (`## 1. 日時`, `- ・…`,
 * `**Safety**`): headings become <hN>, runs of `- ` lines a list, other runs of
 * lines a paragraph with <br> between its lines, `**x**` <strong>.
 */

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'para'; lines: string[] };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const inline = (s: string) => escape(s.trim()).replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>').replace(/\*\*/g, '');
const tabs = (s: string) => s.split('\t').map(inline);

export function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] | null = null;
  let list: string[] | null = null;
  for (const raw of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, '');
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^[-－]\s+(.*)$/.exec(line);
    if (line.trim() === '' || heading || item) para = null;
    if (!item) list = null;
    if (line.trim() === '') continue;
    if (heading) blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]! });
    else if (item) {
      if (!list) blocks.push({ kind: 'list', items: (list = []) });
      list.push(item[1]!);
    } else {
      if (!para) blocks.push({ kind: 'para', lines: (para = []) });
      para.push(line);
    }
  }
  return blocks;
}

/** The minutes as HTML: what goes inside a site's content block, or on its own in a print layout. */
export function minutesHtml(text: string): string {
  return blocksOf(text)
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h${b.level}>${inline(b.text)}</h${b.level}>`;
        case 'list': {
          // Items that carry their own ・ are set without the browser's marker, as ministry pages do.
          const own = b.items.every((i) => /^[・•○]/.test(i.trim()));
          return `<ul${own ? ' class="plain"' : ''}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
        }
        case 'para':
          // A line of tab-separated cells (a member list) is a table row, as the page would set it.
          if (b.lines.every((l) => l.includes('\t'))) {
            return `<table>${b.lines.map((l) => `<tr>${tabs(l).map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
          }
          return `<p>${b.lines.map(inline).join('<br>\n')}</p>`;
      }
    })
    .join('\n');
}

const BASE_CSS = `
  body { font-family: "IPAGothic", "IPAexGothic", sans-serif; font-size: 10.5pt; line-height: 1.7; }
  ul.plain { list-style: none; padding-left: 0; }
  td { padding: 0 1em 0 0; vertical-align: top; }
`;

export type Skin = 'html5' | 'cms' | 'tables';

export interface PageOptions {
  skin: Skin;
  title: string;
  /** The page's own canonical address and site name, if it states them. */
  canonical?: string;
  siteName?: string;
  /** A `<meta http-equiv>` charset declaration, for pages saved in Shift_JIS. */
  charset?: string;
}

/** A page of a ministry's site: its furniture around the minutes, in one of three site styles. */
export function webPage(text: string, o: PageOptions): string {
  const head = `<!DOCTYPE html>
<html lang="ja"><head>
${o.charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${o.charset}">` : '<meta charset="utf-8">'}
<title>${escape(o.title)}｜総務省</title>
${o.canonical ? `<link rel="canonical" href="${escape(o.canonical)}">` : ''}
${o.siteName ? `<meta property="og:site_name" content="${escape(o.siteName)}">` : ''}
<style>${BASE_CSS}</style>
<script>window.dataLayer = []; function gtag(){ dataLayer.push(arguments); }</script>
</head>`;
  const minutes = minutesHtml(text);
  switch (o.skin) {
    case 'html5':
      return `${head}<body>
<a class="skip-link" href="#main">本文へスキップ</a>
<header><div class="logo">総務省</div><nav aria-label="グローバル"><ul><li><a href="/">ホーム</a></li><li><a href="/menu_news/">報道資料</a></li><li><a href="/menu_seisaku/">政策</a></li><li><a href="/menu_sosiki/">組織案内</a></li></ul></nav>
<div id="fontsize"><span>文字サイズ</span><button>標準</button><button>拡大</button></div>
<form role="search"><input type="search" placeholder="サイト内検索"><button>検索</button></form></header>
<ol class="breadcrumb"><li><a href="/">ホーム</a></li><li><a href="/menu_seisaku/">政策</a></li><li>サイバーセキュリティタスクフォース</li></ol>
<main id="main">
${minutes}
<p class="pagetop"><a href="#top">ページの先頭へ戻る</a></p>
<div class="contact"><h2>お問い合わせ先</h2><p>サイバーセキュリティ統括官室<br>電話：03-5253-5111（代表）</p></div>
</main>
<aside><h2>関連リンク</h2><ul><li><a href="/a">サイバーセキュリティ政策</a></li><li><a href="/b">国民のための情報セキュリティサイト</a></li></ul></aside>
<footer><p>〒100-8926 東京都千代田区霞が関2-1-2</p><p>Copyright © Ministry of Internal Affairs and Communications</p></footer>
</body></html>`;
    case 'cms':
      return `${head}<body>
<div id="header"><p class="siteLogo"><a href="/">経済産業省</a></p><ul id="gnavi"><li><a href="/">トップ</a></li><li><a href="/press/">ニュースリリース</a></li><li><a href="/policy/">政策について</a></li></ul>
<div class="mojisize">文字の大きさ <a href="#">小</a> <a href="#">中</a> <a href="#">大</a></div></div>
<div id="pankuzu"><a href="/">ホーム</a> &gt; <a href="/shingikai/">審議会・研究会</a> &gt; 議事要旨</div>
<div id="wrapper"><div id="localnav"><ul><li><a href="/x">研究会の概要</a></li><li><a href="/y">開催状況</a></li><li><a href="/z">開催状況のご案内</a></li></ul></div>
<div id="tmp_contents">
${minutes}
<div class="pagetop"><a href="#header">▲ページの先頭へ</a></div>
<div id="toiawase"><h2>お問合せ先</h2><p>商務情報政策局 サイバーセキュリティ課<br>電話：03-3501-1511（内線 3964）</p></div>
</div></div>
<div id="footer"><ul><li><a href="/sitemap/">サイトマップ</a></li><li><a href="/privacy/">プライバシーポリシー</a></li></ul><address>〒100-8901 東京都千代田区霞が関1-3-1</address></div>
</body></html>`;
    case 'tables':
      // An old site laid out in tables, with no names on its blocks: only the density of prose says where the minutes are.
      return `${head}<body>
<table width="100%"><tr><td><a href="/"><b>首相官邸</b></a></td><td align="right"><a href="/eng/">English</a> | <a href="/sitemap.html">サイトマップ</a></td></tr></table>
<table width="100%"><tr>
<td width="160" valign="top"><a href="/a.html">トップページ</a><br><a href="/b.html">総理の一日</a><br><a href="/c.html">会議等一覧</a><br><a href="/d.html">IT戦略本部</a></td>
<td valign="top">
<div>
${minutes}
</div>
</td></tr></table>
<hr><div align="center"><a href="#">このページのトップへ</a> | <a href="/copyright.html">著作権について</a><br>Copyright&copy; Prime Minister of Japan and His Cabinet. All Rights Reserved.</div>
</body></html>`;
  }
}

export interface PrintOptions {
  /** The running header printed at the top of every page (not the first). */
  header: string;
  /** How page numbers read: `- 3 -`, `3 / 10`, or a bare `3` in the corner. */
  numbers: 'dashes' | 'of' | 'bare';
  /** Page size: A5 gives more pages (and page breaks) for the same minutes. */
  size?: 'A4' | 'A5';
}

const COUNTERS: Record<PrintOptions['numbers'], string> = {
  dashes: '@bottom-center { content: "- " counter(page) " -"; }',
  of: '@bottom-center { content: counter(page) " / " counter(pages); }',
  bare: '@bottom-right { content: counter(page); }',
};

/** The minutes laid out for print, as a ministry's PDF: running header, page numbers, the IPA font. */
export function printPage(text: string, o: PrintOptions): string {
  return `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><style>
${BASE_CSS}
@page { size: ${o.size ?? 'A4'}; margin: 22mm 18mm;
  @top-right { content: "${o.header.replace(/"/g, '\\"')}"; font-family: "IPAGothic"; font-size: 8pt; }
  ${COUNTERS[o.numbers].replace('}', ' font-family: "IPAGothic"; font-size: 9pt; }')} }
@page :first { @top-right { content: none; } }
body { margin: 0; }
/* Chromium paints a list's disc as a shape, not text; a Word-made PDF's bullet is a character. */
ul:not(.plain) { list-style: none; padding-left: 1em; }
ul:not(.plain) > li { text-indent: -1em; }
ul:not(.plain) > li::before { content: "・"; }
</style></head><body>
${minutesHtml(text)}
</body></html>`;
}

/** Words that stand only in the furniture of the pages above: none may reach a remark. */
export const PAGE_FURNITURE = [
  '本文へスキップ', 'サイト内検索', '文字サイズ', '文字の大きさ', 'ページの先頭へ', '関連リンク', '03-5253-5111', '内線 3964',
  'プライバシーポリシー', 'Copyright', 'サイトマップ', '総理の一日', 'このページのトップへ', '組織案内', '報道資料',
  'ニュースリリース', '研究会の概要', '開催状況のご案内', '霞が関', 'English',
];
