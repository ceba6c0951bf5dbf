/**
 * Site furniture on a ministry page: what frames the minutes on every page of
 * the site (navigation, breadcrumbs, the font-size switcher, 「ページの先頭へ
 * 戻る」, the contact block, the footer) and is no part of the minutes. It is
 * recognised by markup (landmarks, form controls, the names sites give it),
 * never by the wording of the minutes themselves, so nothing said in a meeting
 * is dropped for sounding like a menu.
 */

/** Elements that never hold minutes text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'frame', 'object', 'embed',
  'svg', 'math', 'canvas', 'video', 'audio', 'img', 'picture', 'map', 'area', 'rt', 'rp',
  'button', 'select', 'input', 'textarea', 'option', 'form', 'nav', 'aside', 'footer', 'dialog',
  // The extension's own popover and notices, when a live page is read ("add this page").
  'minutes-lens-root',
]);

const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar', 'toolbar', 'dialog']);

/**
 * Names sites give their furniture in `id` and `class`: English and the
 * romanised Japanese that government CMSs use (pankuzu = breadcrumbs,
 * moji = characters, toiawase = enquiries).
 */
const FURNITURE_NAME =
  /^(?:.*[-_])?(?:breadcrumbs?|topic-?path|pankuzu|crumbs?|g-?nav|global-?nav(?:i|igation)?|l-?nav|local-?nav(?:i)?|side-?(?:nav|bar|menu)|sub-?nav|menu|utility|fontsize|font-?size|text-?size|moji(?:size)?|letter-?size|page-?top|pagetop|to-?top|go-?top|back-?to-?top|skip(?:-?link)?|sns|share|social|footer|foot|site-?header|contact|inquiry|toiawase|otoiawase|banner|print(?:-?btn)?|search(?:-?box)?|language|lang-?select|related|kanren|feedback|enquete|reader-?download|adobe)(?:[-_].*)?$/i;

/** The whole text of a small element that only moves the reader around the site. */
const FURNITURE_PHRASES = new Set([
  'ページの先頭へ戻る', 'ページの先頭へ', 'このページの先頭へ', 'このページの先頭へ戻る', 'ページトップへ', 'ページトップへ戻る',
  'ページのトップへ戻る', 'トップへ戻る', '先頭へ戻る', 'ページ上部へ', 'ページ上部へ戻る', '本文へ', '本文へ移動', '本文へスキップ',
  '本文へジャンプ', 'メニューへ', 'メニューへ移動', '文字サイズ', '文字サイズの変更', '文字の大きさ', '文字サイズ変更', '印刷',
  '印刷する', 'このページを印刷する', 'pagetop', 'page top', 'back to top', 'skip to content', 'skip to main content',
].map((p) => p.toLowerCase()));

/** Furniture phrases are short: a minutes paragraph is never only this. */
const PHRASE_MAX = 24;

const squeeze = (s: string) => s.replace(/[\s\u3000▲△↑^⇧]+/g, ' ').trim().toLowerCase();

/** The site's banner by name (`#header`), as old pages without a `<header>` element call it. */
const HEADER_NAME = /^(?:site|global|page|common)?[-_]?header$/i;

function names(el: Element): string[] {
  return [el.getAttribute('id') ?? '', ...(el.getAttribute('class') ?? '').split(/\s+/)].filter((n) => n !== '');
}

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * Whether an element is furniture. `inContent` is true inside the page's
 * content landmark (main, article), where a `<header>` is the minutes' own
 * title block rather than the site's banner.
 */
export function isFurniture(el: Element, inContent: boolean): boolean {
  const tag = el.tagName.toLowerCase();
  if (SKIPPED.has(tag) || hidden(el)) return true;
  if (tag === 'header' && !inContent) return true;
  if (FURNITURE_ROLES.has(el.getAttribute('role') ?? '')) return true;
  const given = names(el);
  if (given.some((n) => FURNITURE_NAME.test(n) || (!inContent && HEADER_NAME.test(n)))) return true;
  const text = el.textContent ?? '';
  return text.length <= PHRASE_MAX * 2 && FURNITURE_PHRASES.has(squeeze(text));
}
