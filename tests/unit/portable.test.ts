// lib/ runs in Node and in the browser (service worker, pages): no Node-only APIs.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('lib/ is portable', () => {
  it.each(tsFiles('lib'))('%s uses no Node-only API', (file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from ['"](node:|fs|path|os|child_process|zlib|crypto)['"/]/);
    expect(source).not.toMatch(/\b(process\.|Buffer\.|require\(|__dirname)/);
  });
});
