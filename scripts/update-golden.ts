/**
 * Regenerate the parser's golden outputs (tests/golden/*.json) from seeds/.
 * Only run this on purpose, then review the diff by hand: the goldens are the
 * parser's reviewed behaviour, and `npm test` compares against them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN_DIR, SEED_DIR, load, txtFiles } from '../tests/unit/seeds';

mkdirSync(GOLDEN_DIR, { recursive: true });
for (const file of txtFiles(SEED_DIR)) {
  const { parsed } = load(file);
  const out = join(GOLDEN_DIR, `${parsed.meeting.id}.json`);
  writeFileSync(out, `${JSON.stringify(parsed, null, 2)}\n`);
  console.log(`${out}: ${parsed.remarks.length} remarks, ${parsed.warnings.length} warnings`);
}
