import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * pdf.js's predefined CMaps for Japanese: office PDFs of the 2000s set their
 * Japanese in fonts they do not embed (UniJIS-UCS2-H, 90ms-RKSJ-H…), and
 * without these pdf.js reads no text from them. Only the Japanese ones ship
 * (about 0.6 MB of the package's 1.7 MB); the import worker fetches them from
 * the extension itself.
 */
const CMAP_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
const JAPANESE_CMAP = /^(?:Adobe-Japan1-|UniJIS|90ms|90msp|90pv|83pv|78|Add-|EUC-|Ext-|Hankaku|Hiragana|Katakana|NWP-|RKSJ-|Roman|WP-Symbol|[HV]\.bcmap)/;

// Firefox only (Chrome would warn about an unknown key): a fixed add-on id, and
// Firefox's built-in data consent saying the extension collects and sends
// nothing (https://mzl.la/firefox-builtin-data-consent).
const GECKO = {
  id: 'minutes-lens@minutes-lens.dev',
  data_collection_permissions: { required: ['none'] },
};

// The extension is built by WXT; Preact comes in through its Vite preset
// (there is no WXT Preact module).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  manifest: ({ browser }) => ({
    // Every UI string is a message in public/_locales/{en,ja} (WXT copies public/ as it is);
    // the browser picks the reader's language, English where it has neither.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // Fewest permissions that work; the README says why each is needed.
    permissions: ['storage', 'contextMenus'],
    // The toolbar button: its badge counts the marked terms, a click switches the site off or on.
    // WXT writes it as `browser_action` for Firefox MV2.
    action: { default_title: '__MSG_extName__' },
    commands: {
      'lookup-selection': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandLookupSelection__',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: GECKO } } : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    // The library's import worker loads pdf.js only when a PDF comes: a module worker can split it off.
    worker: { format: 'es' },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of readdirSync(CMAP_DIR)) {
        if (JAPANESE_CMAP.test(name)) files.push({ absoluteSrc: join(CMAP_DIR, name), relativeDest: `cmaps/${name}` });
      }
    },
  },
});
