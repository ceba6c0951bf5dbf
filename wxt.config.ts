import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension is built by WXT; Preact comes in through its Vite preset
// (there is no WXT Preact module).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  manifest: {
    name: 'Minutes Lens (議事録レンズ)',
    description:
      'What Japanese cybersecurity committees said about the terms on the page you read. Works offline.',
    // Fewest permissions that work; the README says why each is needed.
    permissions: ['storage', 'contextMenus'],
    commands: {
      'lookup-selection': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Look up the selected text in the minutes / 選択した語を議事録で検索',
      },
    },
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
