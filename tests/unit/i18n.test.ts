/**
 * The UI's messages: Japanese and English say the same things (same keys, same
 * placeholders), and every key the code asks for exists.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, Message>;

const load = (lang: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, 'public', '_locales', lang, 'messages.json'), 'utf8')) as Messages;
const en = load('en');
const ja = load('ja');

/** The placeholders a message uses: its `$NAME$`s (lower-cased, as the browser matches them) and `%s`. */
const used = (m: Message) =>
  [...m.message.matchAll(/\$(\w+)\$|%s/g)].map((x) => (x[1] ? x[1].toLowerCase() : '%s')).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('the UI messages', () => {
  it('has the same keys in Japanese and English', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: the same placeholders, each defined, in both languages', (key) => {
    const [e, j] = [en[key]!, ja[key]!];
    expect(used(j)).toEqual(used(e));
    expect(Object.keys(j.placeholders ?? {}).sort()).toEqual(Object.keys(e.placeholders ?? {}).sort());
    for (const m of [e, j]) {
      for (const name of used(m).filter((n) => n !== '%s')) expect(m.placeholders?.[name]?.content).toMatch(/^\$\d$/);
      expect(m.message.trim()).not.toBe('');
    }
    for (const [name, p] of Object.entries(e.placeholders ?? {})) expect(j.placeholders?.[name]?.content).toBe(p.content);
  });

  it('has every key that the code and the manifest ask for, and no unused ones', () => {
    const code = ['entrypoints', 'components', 'lib'].flatMap((d) => sourceFiles(join(ROOT, d)));
    const asked = new Set<string>();
    for (const file of [...code, join(ROOT, 'wxt.config.ts')]) {
      const text = readFileSync(file, 'utf8');
      // t('key'), plural(n, 'one', 'other'), a MessageKey-typed table ('key',) and __MSG_key__.
      for (const m of text.matchAll(/\b(?:t|plural)\(([^)]*)\)/g)) {
        for (const k of m[1]!.matchAll(/'(\w+)'/g)) asked.add(k[1]!);
      }
      for (const m of text.matchAll(/__MSG_(\w+)__/g)) asked.add(m[1]!);
      if (/Record<\w+, MessageKey>/.test(text)) {
        for (const m of text.matchAll(/^\s+(?:\w+|'[\w-]+'): '(\w+)',$/gm)) asked.add(m[1]!);
      }
    }
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !asked.has(k))).toEqual([]);
  });
});
