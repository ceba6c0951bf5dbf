/**
 * What both browsers' hostile-page suites share: the generated pages (1 MB of
 * prose, a strict CSP) and the layout record a page is compared by against the
 * same browser without the extension.
 */

/** A page of `bytes` of prose, with one term early (to hover) and one only at the end. */
export function bigPage(bytes: number): string {
  const line = '委員からは、中小企業における対策の実態を踏まえた支援のあり方について意見があった。';
  const paragraphs: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++, size += Buffer.byteLength(line) + 8) paragraphs.push(`<p>${i}：${line}</p>`);
  return (
    `<!doctype html><meta charset="utf-8"><title>1 MB</title><body><h1><b class="term">テレワーク</b>の議論</h1>` +
    `${paragraphs.join('')}<p>最後に業界ISACの役割。</p></body>`
  );
}

export const STRICT_CSP_HEADER = "default-src 'none'";

export const STRICT_CSP =
  '<!doctype html><meta charset="utf-8"><title>CSP</title><body><h1>厳しい CSP の頁</h1>' +
  '<p>中小企業でも<b class="term">サイバー保険</b>の加入が進み、業界ISACでの情報共有が広がる。</p></body>';

/**
 * Run in a document: every element's box (in open shadow roots too), in
 * document order, and the document's scroll size; elements named `host` (our
 * own) are not the page's. Self-contained: it is sent to the browser as source.
 */
export function layoutBoxes(host: string): string {
  const out: string[] = [];
  const f = (n: number) => n.toFixed(2);
  const visit = (root: Document | ShadowRoot, path: string) => {
    const all = root.querySelectorAll('*');
    let n = 0;
    for (let i = 0; i < all.length; i++) {
      const el = all[i]!;
      if (el.localName === host) continue;
      const r = el.getBoundingClientRect();
      out.push(`${path}${el.localName}[${n++}] ${f(r.x)},${f(r.y)} ${f(r.width)}×${f(r.height)}`);
      if (el.shadowRoot) visit(el.shadowRoot, `${path}${el.localName}>`);
    }
  };
  visit(document, '');
  out.push(`scroll ${document.documentElement.scrollWidth}×${document.documentElement.scrollHeight}`);
  return out.join('\n');
}
