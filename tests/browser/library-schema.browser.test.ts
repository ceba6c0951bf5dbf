/**
 * The library's IndexedDB schema and its migrations, run against Chromium's
 * real IndexedDB: lib/library/store.ts bundled into a plain page. A database
 * left by an older version of the extension opens, migrates, and keeps every
 * meeting the reader added.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Store from '../../lib/library/store';
import type * as Schema from '../../lib/library/schema';
import { bundleForPage } from './bundle';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startServer, type TestServer } from './harness';

type Lib = typeof Store & typeof Schema;

let browser: Browser;
let page: Page;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ routes: { '/schema.html': { body: '<!DOCTYPE html><title>library schema</title>' } } });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  page = await browser.newPage();
  await page.goto(server.url('/schema.html'));
  // The store and the schema in one script: `MinutesLensLibrary.LibraryStore`, `.LIBRARY_DB_VERSION`…
  const code = await bundleForPage('tests/browser/fixtures/library-entry.ts', 'MinutesLensLibrary');
  await page.addScriptTag({ content: code });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A meeting as version 1 stored it: one record with its terms and its text. */
const V1_RECORD = {
  id: 'yours-old-minutes-1a2b3c4d',
  meeting: {
    id: 'yours-old-minutes-1a2b3c4d', source: 'old-minutes.pdf', title: '旧版で追加した議事要旨', committee: '検討会', organiser: null,
    number: 1, date: '2021-04-01', dateText: '令和3年4月1日', time: null, venue: null, attendees: [], materials: [], notes: [],
    bodyStart: 20, url: null, publisher: null,
  },
  remarks: [{
    id: 'yours-old-minutes-1a2b3c4d-r1', meetingId: 'yours-old-minutes-1a2b3c4d', order: 1, kind: 'turn', speaker: '山田', role: '委員',
    affiliation: null, label: '山田委員：', section: null, text: 'テレワークの安全性を高めるべきである。', start: 20, end: 45,
  }],
  file: { name: 'old-minutes.pdf', size: 12345, format: 'pdf' },
  addedAt: '2021-05-01T00:00:00.000Z',
  warnings: [],
  terms: [['テレワーク', '安全性']],
  text: '旧版で追加した議事要旨\n\n山田委員：テレワークの安全性を高めるべきである。',
};

/** Writes a version-1 database with IndexedDB itself, as the old extension left it. */
function writeVersion1(name: string, records: unknown[]): Promise<void> {
  return page.evaluate(
    ({ name, records }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('meetings', { keyPath: 'id' });
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meetings', 'readwrite');
          for (const r of records) tx.objectStore('meetings').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name, records },
  );
}

describe('the library schema', () => {
  it('creates the current version in an empty browser', async () => {
    const result = await page.evaluate(async () => {
      const lib = (window as unknown as { MinutesLensLibrary: Lib }).MinutesLensLibrary;
      const store = await lib.LibraryStore.open('fresh-library');
      store.close();
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open('fresh-library');
        r.onsuccess = () => ok(r.result);
      });
      const out = { version: db.version, stores: [...db.objectStoreNames].sort(), expected: lib.LIBRARY_DB_VERSION };
      db.close();
      return out;
    });
    expect(result).toEqual({ version: result.expected, stores: ['meetings', 'segments', 'terms', 'texts'], expected: 3 });
  });

  it('migrates a version-1 database to the current one: every meeting kept, its terms and text moved to their stores', async () => {
    const second = { ...V1_RECORD, id: 'yours-older-9', meeting: { ...V1_RECORD.meeting, id: 'yours-older-9' }, addedAt: '2020-01-01T00:00:00.000Z' };
    await writeVersion1('old-library', [V1_RECORD, second]);
    const result = await page.evaluate(async (id) => {
      const lib = (window as unknown as { MinutesLensLibrary: Lib }).MinutesLensLibrary;
      const store = await lib.LibraryStore.open('old-library');
      const meetings = await store.meetings();
      const entries = await store.entries();
      const record = await store.record(id);
      const segment = await store.segment();
      store.close();
      return { meetings, entries, record, segment };
    }, V1_RECORD.id);
    // Oldest first, through the index the migration made.
    expect(result.meetings.map((m) => m.id)).toEqual(['yours-older-9', V1_RECORD.id]);
    const { terms, text, ...kept } = V1_RECORD;
    expect(result.meetings[1]).toEqual({ ...kept, chars: expect.any(Number) });
    expect(result.meetings[1]).not.toHaveProperty('terms');
    expect(result.meetings[1]).not.toHaveProperty('text');
    expect(result.meetings[1]!.chars).toBeGreaterThan(text.length);
    expect(result.entries.map((e) => e.terms)).toEqual([
      { id: 'yours-older-9', terms, analyzer: 1 },
      { id: V1_RECORD.id, terms, analyzer: 1 },
    ]);
    expect(result.record?.text).toEqual({ id: V1_RECORD.id, text });
    // Version 3's index segment is derived: none until the background builds it from these.
    expect(result.segment).toBeNull();
  });

  it('adds, removes and clears meetings in one transaction each', async () => {
    const result = await page.evaluate(async (record) => {
      const lib = (window as unknown as { MinutesLensLibrary: Lib }).MinutesLensLibrary;
      const store = await lib.LibraryStore.open('busy-library');
      const { terms, text, ...meeting } = record;
      const segment = { id: 'library' as const, version: 3, bytes: new Uint8Array([1, 2, 3]).buffer };
      await store.add({ meeting: { ...meeting, chars: 10 } as never, terms: { id: record.id, terms, analyzer: 1 }, text: { id: record.id, text } }, segment);
      const stored = [...new Uint8Array((await store.segment())!.bytes)];
      const twice = await store
        .add({ meeting: { ...meeting, chars: 10 } as never, terms: { id: record.id, terms, analyzer: 1 }, text: { id: record.id, text } }, segment)
        .then(() => 'added', (e: Error) => `${e.name} ${(e as InstanceType<Lib['LibraryError']>).problem}`);
      const afterAdd = (await store.entries()).length;
      const removed = await store.remove(record.id, null);
      const removedAgain = await store.remove(record.id, null);
      const afterRemove = [(await store.meetings()).length, await store.record(record.id), await store.segment()];
      store.close();
      return { twice, stored, afterAdd, removed, removedAgain, afterRemove };
    }, V1_RECORD);
    expect(result).toEqual({ twice: 'LibraryError storage', stored: [1, 2, 3], afterAdd: 1, removed: true, removedAgain: false, afterRemove: [0, null, null] });
  });
});
