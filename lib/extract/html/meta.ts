/**
 * Where a page says it comes from: its official address (the canonical link,
 * else `og:url`) and who publishes it (`og:site_name`, a publisher or author
 * meta, else the ministry after the separator in the page title:
 * 「…議事要旨｜総務省」). Only http(s) addresses count: the viewer turns the
 * address into a link, and a page must not be able to plant a `javascript:` one.
 */

export interface PageSource {
  url: string | null;
  publisher: string | null;
}

const ORGANISATION = /(?:省|庁|官邸|内閣府|内閣官房|本部|センター|委員会|会議|機構|Ministry.*|Agency.*|Cabinet.*)$/;

/** An absolute http(s) URL, as written, or null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function meta(doc: Document, attr: 'property' | 'name', key: string): string | null {
  for (const el of doc.querySelectorAll(`meta[${attr}]`)) {
    if ((el.getAttribute(attr) ?? '').toLowerCase() === key) return el.getAttribute('content')?.trim() || null;
  }
  return null;
}

function canonical(doc: Document): string | null {
  for (const el of doc.querySelectorAll('link[rel]')) {
    if ((el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) return el.getAttribute('href');
  }
  return null;
}

function publisherFromTitle(doc: Document): string | null {
  const title = doc.querySelector('title')?.textContent?.trim() ?? '';
  const parts = title.split(/\s*(?:[|｜]|\s[-‐–—:：]\s)\s*/).filter((p) => p !== '');
  const last = parts.length > 1 ? parts[parts.length - 1]! : '';
  return last.length <= 40 && ORGANISATION.test(last) ? last : null;
}

export function pageSource(doc: Document): PageSource {
  return {
    url: httpUrl(canonical(doc)) ?? httpUrl(meta(doc, 'property', 'og:url')),
    publisher:
      meta(doc, 'property', 'og:site_name') ?? meta(doc, 'name', 'publisher') ?? meta(doc, 'name', 'author') ?? publisherFromTitle(doc),
  };
}

/** The page's one `<h1>`, when the content block does not hold it: the minutes' title, set above them. */
export function titleOutside(doc: Document, root: Element): string | null {
  if (root.querySelector('h1')) return null;
  const h1s = [...doc.querySelectorAll('h1')].filter((h) => !h.closest('header, nav, footer, #header'));
  return h1s.length === 1 ? (h1s[0]!.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null;
}
