import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
  }),
});
