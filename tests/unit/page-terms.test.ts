// The glossary compiled for pages: the generated module is what the glossary
// gives, and the compiled matcher finds exactly what the reference finds.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../lib/terms/compile';
import { TermMatcher, type TermMatch } from '../../lib/terms/matcher';
import { createPageMatcher } from '../../lib/terms/page-matcher';
import { PAGE_TERMS_FILE, markedTerms, pageTermsModule } from '../../lib/terms/page-terms';
import { GLOSSARY } from '../../lib/terms/glossary';

const page = createPageMatcher();
// The reference: the glossary's terms matched on the whole text normalised, built here from the glossary.
const referenceMatcher = new TermMatcher(markedTerms());
const reference = (text: string): TermMatch[] => referenceMatcher.find(text);

/** Full-width Latin, digits and punctuation, as some Japanese pages write them. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** Half-width katakana (voiced ones as two characters), as old pages write them. */
const HALF: Record<string, string> = Object.fromEntries(
  [...'ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー'].map((c) => [c, c.normalize('NFKC')]),
);
const toHalf = (s: string) =>
  [...s]
    .map((c) => {
      const base = c.normalize('NFD');
      const half = (k: string) => 'ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ'[Object.keys(HALF).indexOf(k)];
      if (HALF[c]) return half(c) ?? c;
      if (base.length === 2 && HALF[base[0]!]) return (half(base[0]!) ?? base[0]) + (base[1] === '\u3099' ? 'ﾞ' : 'ﾟ');
      return c;
    })
    .join('');

/** The ways a page may write a form: as given, in other cases and widths, with the long vowels a page adds or leaves out. */
function spellings(form: string): string[] {
  return [...new Set([form, form.toUpperCase(), form.toLowerCase(), fullWidth(form), toHalf(form), form.replace(/ェア/g, 'エア'), form.replace(/([ァ-ヺ]{3,})(?![ァ-ヺー])/g, '$1ー'), form.replace(/ー(?![ァ-ヺ])/g, '')])];
}

describe('the glossary compiled for pages', () => {
  it(`is what the glossary gives: run npx tsx scripts/build-terms.ts after changing the glossary (${PAGE_TERMS_FILE})`, () => {
    expect(readFileSync(PAGE_TERMS_FILE, 'utf8')).toBe(pageTermsModule(GLOSSARY));
  });

  it('finds what the reference finds in the seeds and the test pages, line by line', () => {
    const texts: string[] = [];
    for (const f of readdirSync('seeds').filter((f) => f.endsWith('.txt'))) texts.push(...readFileSync(join('seeds', f), 'utf8').split('\n'));
    const pages = join('tests', 'browser', 'pages');
    for (const f of readdirSync(pages).filter((f) => f.endsWith('.html'))) texts.push(...readFileSync(join(pages, f), 'utf8').replace(/<[^>]*>/g, '\n').split('\n'));
    let matches = 0;
    for (const text of texts) {
      const want = reference(text);
      matches += want.length;
      expect(page.find(text), text).toEqual(want);
    }
    expect(matches).toBeGreaterThan(500);
  });

  it('finds every form of every marked term in every spelling, in context, as the reference does', () => {
    const before = ['', 'x', 'データ', 'ウ'];
    const after = ['', 's', 'ー', 'ーの', 'ア'];
    let checked = 0;
    for (const term of markedTerms()) {
      for (const form of term.forms) {
        for (const spelled of spellings(form)) {
          for (const b of before) {
            for (const a of after) {
              const text = `${b}${spelled}${a}`;
              expect(page.find(text), text).toEqual(reference(text));
              checked++;
            }
          }
        }
        // Written as the glossary writes it, on its own, it is found.
        expect(page.find(form).map((m) => m.termId), form).toContain(term.id);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 60_000);

  it('agrees with the reference on random strings of awkward pieces', () => {
    const pieces = [
      'ー', 'ｰ', 'ウ', 'エ', 'ｴ', 'ア', 'ブ', 'ヴ', 'ｶ', 'ﾞ', 'ﾟ', 'I', 'o', 'T', 'ｉ', 'Ｉ', '機器', 'サイバ', '保険', 'サイバー', ' ', 'a',
      '①', '⑩', '™', 'ª', 'Ⓘ', 'テレワーク', 'テレ', 'ワーク', 's', '情報', '共有', 'ISAC', 'isac', 'iot', 'IoT', '-', 'デバイス',
      'ソフトウ', 'ェア', 'ランサム', 'ウェア', 'ウエア', 'サプライ', 'チェーン', '・', 'リスク', 'クラウド', 'x', '5', 'G', 'セキュリティ',
      'の', '、', '\u3099', '\u00a0', '😀', '𝐈', 'カ', 'ガ',
    ];
    let seed = 13;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let n = 1 + Math.floor(random() * 12); n > 0; n--) text += pieces[Math.floor(random() * pieces.length)];
      expect(page.find(text), text).toEqual(reference(text));
    }
  }, 60_000);

  it('reads a long katakana run and a text with a rare character whole, and still agrees', () => {
    const long = 'ア'.repeat(200) + 'ーサイバー保険';
    expect(page.find(long)).toEqual(reference(long));
    expect(page.find('ⓘoT機器と①のテレワーク')).toEqual(reference('ⓘoT機器と①のテレワーク'));
  });

  it('compiles terms given at run time too', () => {
    const m = compileMatcher([{ id: 'x', ja: 'テスト用語', forms: ['テスト用語', 'test term'] }]);
    expect(m.find('これはテスト用語、THE TEST TERM。').map((f) => f.match)).toEqual(['テスト用語', 'TEST TERM']);
  });
});
