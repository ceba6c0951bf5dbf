/**
 * A saved ministry page to the minutes' text: decoded in the page's charset,
 * parsed by the platform's HTML parser (the caller's: DOMParser in the
 * browser, linkedom in Node), the content block found, furniture left out.
 */
import { MinutesError } from '../../minutes/errors';
import { decodePage } from './charset';
import { contentRoot } from './content';
import { pageSource, titleOutside, type PageSource } from './meta';
import { textOf } from './text';

/** Parses HTML into a document, as `new DOMParser().parseFromString(html, 'text/html')` does. */
export type HtmlParser = (html: string) => Document;

export interface HtmlText extends PageSource {
  text: string;
  warnings: string[];
}

export function readHtml(bytes: Uint8Array, file: string, parse: HtmlParser): HtmlText {
  const { html, warnings } = decodePage(bytes, file);
  const doc = parse(html);
  const root = contentRoot(doc);
  const text = textOf(root, titleOutside(doc, root));
  if (text.trim() === '') throw new MinutesError(file, null, 'the page holds no text (nothing outside its navigation and footer)');
  return { text, ...pageSource(doc), warnings };
}
