/**
 * `seeds/<name>.meta.json` beside a minutes file: where the document was
 * published, for minutes whose file does not say it (a PDF, a text file).
 *
 *   {"url": "https://www.soumu.go.jp/main_content/000123456.pdf", "publisher": "総務省"}
 */
import { MinutesError } from '../minutes/errors';
import { jsonErrorOffset } from '../text/json-error';
import { httpUrl, type PageSource } from './html/meta';

const KEYS = new Set(['url', 'publisher']);

function lineOfError(text: string): number | null {
  const at = jsonErrorOffset(text);
  return at < 0 ? null : text.slice(0, at).split('\n').length;
}

export function readSidecar(text: string, file: string): PageSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new MinutesError(file, lineOfError(text), `not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new MinutesError(file, null, 'must be a JSON object such as {"url": "https://…", "publisher": "総務省"}');
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.has(key)) throw new MinutesError(file, null, `unknown key "${key}" (it takes "url" and "publisher")`);
  }
  const { url, publisher } = record;
  if (url !== undefined && (typeof url !== 'string' || httpUrl(url) === null)) {
    throw new MinutesError(file, null, `"url" must be an http(s) address, not ${JSON.stringify(url)}`);
  }
  if (publisher !== undefined && (typeof publisher !== 'string' || publisher.trim() === '')) {
    throw new MinutesError(file, null, '"publisher" must be a non-empty string');
  }
  return { url: typeof url === 'string' ? httpUrl(url) : null, publisher: typeof publisher === 'string' ? publisher.trim() : null };
}
