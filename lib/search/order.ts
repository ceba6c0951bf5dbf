/**
 * Text in code-point order: the same in Node and in every browser, whatever
 * locale data each carries (`localeCompare` orders Japanese names differently
 * in Node's ICU and in a Japanese Chromium), so a tie is broken the same way
 * in the command line and on the page.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
