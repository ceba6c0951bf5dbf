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
    name: 'Minutes Lens (議事録レンズ)',
    description:
      'What Japanese cybersecurity committees said about the terms on the page you read. Works offline.',
    // Fewest permissions that work; the README says why each is needed.
    permissions: ['storage', 'contextMenus'],
    // The toolbar button: its badge counts the marked terms, a click switches the site off or on.
    // WXT writes it as `browser_action` for Firefox MV2.
    action: { default_title: 'Minutes Lens (議事録レンズ)' },
    commands: {
      'lookup-selection': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Look up the selected text in the minutes / 選択した語を議事録で検索',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: GECKO } } : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
