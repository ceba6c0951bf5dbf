/**
 * Writes lib/terms/page-terms.generated.ts from lib/terms/glossary.json: the
 * matcher a page runs, compiled (see lib/terms/compile.ts). `npm run build`
 * runs it before WXT bundles the content script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PAGE_TERMS_FILE, pageTermsModule } from '../lib/terms/page-terms';

const text = pageTermsModule();
let old = '';
try {
  old = readFileSync(PAGE_TERMS_FILE, 'utf8');
} catch {
  // first build
}
if (old === text) console.log(`${PAGE_TERMS_FILE}: up to date`);
else {
  writeFileSync(PAGE_TERMS_FILE, text);
  console.log(`${PAGE_TERMS_FILE}: written (${Buffer.byteLength(text)} bytes)`);
}
