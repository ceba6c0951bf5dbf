/**
 * Chromium as the PDF printer: one headless browser prints every page a test
 * needs, through playwright-core (page.pdf is Chromium's own print to PDF, with
 * CSS @page margin boxes for running headers and page numbers).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_INSTALL, CHROMIUM_PATH } from '../browser/harness';

export interface Printer {
  /** The HTML printed to PDF, with the page size its @page rule asks for. */
  pdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startPrinter(): Promise<Printer> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install it as root with: ${CHROMIUM_INSTALL}`);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  const page = await browser.newPage();
  // One page prints one document at a time: calls wait their turn.
  let queue: Promise<unknown> = Promise.resolve();
  const print = async (html: string) => {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true }));
  };
  return {
    pdf(html) {
      const next = queue.then(() => print(html));
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => browser.close(),
  };
}
