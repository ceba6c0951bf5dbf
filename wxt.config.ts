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
    // Fewest permissions that work: none yet. Each later feature adds what it needs
    // and the README lists why.
    permissions: [],
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
