import { defineConfig } from 'vitest/config';

// Four projects: `unit` runs pure lib/ code in Node; `formats` reads minutes
// as web pages and PDFs (Chromium prints the PDFs); `browser` builds the
// extension once (global setup) and drives Debian's Chromium through
// playwright-core with the built extension loaded; `firefox` drives Firefox
// ESR through puppeteer-core with the Firefox package installed. The firefox
// project runs after the others (groupOrder), so that one browser at a time
// has the two cores CI gives.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Minutes as ministries publish them: web pages and PDFs that Chromium prints for the test.
        test: {
          name: 'formats',
          include: ['tests/formats/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.browser.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: CI has two cores.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        test: {
          name: 'firefox',
          include: ['tests/browser/firefox/**/*.firefox.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/firefox/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Firefox at a time, and only once the Chromium tests are done.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
