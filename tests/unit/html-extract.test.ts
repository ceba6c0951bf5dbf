// Saved web pages → minutes text, rule by rule, on small pages parsed with
// linkedom (tests/formats/dom-parity shows Chromium's DOMParser reads alike).
import { describe, expect, it } from 'vitest';
import { decodePage, declaredCharset } from '../../lib/extract/html/charset';
import { contentRoot } from '../../lib/extract/html/content';
import { isFurniture } from '../../lib/extract/html/furniture';
import { httpUrl, pageSource } from '../../lib/extract/html/meta';
import { readHtml } from '../../lib/extract/html/read';
import { textOf } from '../../lib/extract/html/text';
import { readSidecar } from '../../lib/extract/sidecar';
import { jsonErrorOffset } from '../../lib/text/json-error';
import { nodeExtractEnv } from '../../scripts/node/extract-env';

const parse = nodeExtractEnv.parseHtml;
const body = (inner: string) => parse(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${inner}</body></html>`);
const text = (inner: string) => textOf(body(inner).body);
const bytes = (s: string) => new TextEncoder().encode(s);

describe('page text as it is laid out', () => {
  it.each([
    ['<br> ends a line', '<p>日時：令和2年5月28日<br>場所：オンライン</p>', '日時：令和2年5月28日\n場所：オンライン'],
    ['paragraphs stand between blank lines', '<p>一つ目</p><p>二つ目</p>', '一つ目\n\n二つ目'],
    ['<br><br> leaves a blank line', '<div>一つ目<br><br>二つ目</div>', '一つ目\n\n二つ目'],
    ['divs only break lines', '<div>一行目</div><div>二行目</div>', '一行目\n二行目'],
    ['spaces collapse, the ideographic space stays', '<p>  日　時 \n  令和2年 </p>', '日　時 令和2年'],
    ['list items get a bullet', '<ul><li>資料1</li><li>資料2</li></ul>', '・資料1\n・資料2'],
    ['an item with its own bullet gets none', '<ul><li>・資料1</li></ul>', '・資料1'],
    ['numbered lists count', '<ol start="3"><li>議事</li><li>閉会</li></ol>', '3. 議事\n4. 閉会'],
    ['table rows are lines, cells tab-separated', '<table><tr><td>浅野 正一郎</td><td>委員長</td></tr><tr><td>稲垣 隆一</td><td>委員</td></tr></table>', '浅野 正一郎\t委員長\n稲垣 隆一\t委員'],
    ['pre keeps its lines', '<pre>一行目\n  二行目</pre>', '一行目\n  二行目'],
    ['scripts, styles and ruby readings are not text', '<p>脆弱性<script>x()</script><style>p{}</style><ruby>情報<rt>じょうほう</rt></ruby></p>', '脆弱性情報'],
    ['hidden elements are not text', '<p>見える<span hidden>隠れた</span><span style="display: none">隠れた</span></p>', '見える'],
  ])('%s', (_, html, expected) => expect(text(html)).toBe(expected));
});

describe('site furniture', () => {
  const el = (html: string) => body(html).body.firstElementChild!;
  it.each([
    '<nav><a href="/">ホーム</a></nav>', '<footer>Copyright</footer>', '<aside>関連リンク</aside>', '<form><input></form>',
    '<div role="navigation">x</div>', '<div id="pankuzu">ホーム &gt; 議事要旨</div>', '<ol class="breadcrumb"><li>ホーム</li></ol>',
    '<div id="fontSize">文字サイズ</div>', '<div class="mojisize">大 中 小</div>', '<p class="pagetop"><a>上へ</a></p>',
    '<div class="contact">お問い合わせ先</div>', '<div id="toiawase">x</div>', '<div class="sns-share">x</div>',
    '<p><a href="#top">ページの先頭へ戻る</a></p>', '<div>▲ページトップへ</div>', '<a>本文へスキップ</a>',
  ])('%s is furniture', (html) => expect(isFurniture(el(html), false)).toBe(true));
  it.each([
    '<p>ページの先頭へ戻るボタンについて、委員から意見があった。</p>', '<div id="contents">本文</div>', '<div class="minutes">x</div>',
    '<p>お問い合わせ窓口の体制について説明があった。</p>',
  ])('%s is not', (html) => expect(isFurniture(el(html), false)).toBe(false));
  it('a <header> is the site banner outside the content, the minutes\' own title block inside it', () => {
    const doc = body('<header>総務省</header><main><header><h1>議事要旨</h1></header><p>本文である。</p></main>');
    expect(textOf(doc.body)).toBe('議事要旨\n\n本文である。');
  });
});

describe('where the minutes are on the page', () => {
  const prose = '委員から、情報共有の仕組みについて、官民の連携が重要であるとの意見があった。'.repeat(3);
  it('prefers <main>', () => {
    expect(contentRoot(body(`<div><a>menu</a></div><main id="m"><p>${prose}</p></main>`)).id).toBe('m');
  });
  it('does not take one of several articles (a list page)', () => {
    const doc = body(`<div id="contents"><article><p>${prose}</p></article><article><p>${prose}</p></article></div>`);
    expect(contentRoot(doc).id).toBe('contents');
  });
  it('knows the containers government CMSs name', () => {
    expect(contentRoot(body(`<div id="side"><a>x</a></div><div id="tmp_contents"><p>${prose}</p></div>`)).id).toBe('tmp_contents');
  });
  it('falls back to the block where the prose is, with its title, without the menu beside it', () => {
    const doc = body(`<table><tr><td id="menu"><a>トップ</a><br><a>会議一覧</a><br><a>IT戦略本部</a></td>
      <td id="main-cell"><div id="block"><p>第1回会合 議事録</p><p>${prose}</p><p>${prose}</p></div></td></tr></table>`);
    const root = contentRoot(doc);
    expect(textOf(root)).toContain('第1回会合 議事録');
    expect(textOf(root)).not.toContain('会議一覧');
  });
});

describe('charset', () => {
  it.each([
    ['<meta charset="Shift_JIS">', 'shift_jis'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">', 'euc-jp'],
    ["<meta charset='utf-8'/>", 'utf-8'],
    ['<title>none</title>', null],
  ])('%s', (head, expected) => expect(declaredCharset(bytes(`<html><head>${head}</head></html>`))).toBe(expected));
  it('a byte-order mark wins, and an unknown charset is named', () => {
    expect(decodePage(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('<p>x</p>')]), 'a.html').charset).toBe('utf-8');
    expect(() => decodePage(bytes('<meta charset="koi8-r"><p>x</p>'), 'ru.html')).toThrow(/^ru\.html: the page declares charset koi8-r/);
  });
});

describe('where the page comes from', () => {
  const source = (head: string, title = 'x') => pageSource(parse(`<html><head><title>${title}</title>${head}</head><body></body></html>`));
  it('reads the canonical link, else og:url, and the publisher', () => {
    expect(source('<link rel="canonical" href="https://www.soumu.go.jp/a.html"><meta property="og:url" content="https://x.jp/">')).toEqual({ url: 'https://www.soumu.go.jp/a.html', publisher: null });
    expect(source('<meta property="og:url" content="https://www.nisc.go.jp/b.html"><meta property="og:site_name" content="内閣サイバーセキュリティセンター">')).toEqual({
      url: 'https://www.nisc.go.jp/b.html', publisher: '内閣サイバーセキュリティセンター',
    });
    expect(source('', 'サイバーセキュリティタスクフォース（第6回）議事要旨｜総務省').publisher).toBe('総務省');
  });
  it('never keeps an address that is not http(s)', () => {
    expect(source('<link rel="canonical" href="javascript:alert(1)">').url).toBeNull();
    expect(source('<link rel="canonical" href="/relative.html">').url).toBeNull();
    expect(httpUrl('data:text/html,x')).toBeNull();
  });
  it('a page with no text outside its furniture is an error naming the file', () => {
    expect(() => readHtml(bytes('<nav><a>ホーム</a></nav><footer>Copyright</footer>'), 'p.html', parse)).toThrow(/^p\.html: the page holds no text/);
  });
});

describe('sidecars', () => {
  it('reads url and publisher', () => {
    expect(readSidecar('{"url": "https://www.soumu.go.jp/x.pdf", "publisher": "総務省"}', 'x.meta.json')).toEqual({ url: 'https://www.soumu.go.jp/x.pdf', publisher: '総務省' });
  });
  it.each([
    ['{"url": "ftp://x/"}', /x\.meta\.json: "url" must be an http\(s\) address/],
    ['{"publisher": ""}', /x\.meta\.json: "publisher" must be a non-empty string/],
    ['{"link": "https://x.jp/"}', /x\.meta\.json: unknown key "link"/],
    ['["https://x.jp/"]', /x\.meta\.json: must be a JSON object/],
    ['{\n"url": "https://x.jp/",\n}', /x\.meta\.json:3: not valid JSON/],
  ])('%s', (json, message) => expect(() => readSidecar(json, 'x.meta.json')).toThrow(message));
  it.each([
    ['{"a": 1}', -1], ['{"a": 1,}', 8], ['{"a" 1}', 5], ['[1, 2', 5], ['{"a": tru}', 6], ['"x" y', 4],
  ])('JSON %s first goes wrong at %i', (json, at) => expect(jsonErrorOffset(json)).toBe(at));
});
