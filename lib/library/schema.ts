/**
 * The reader's library in IndexedDB: one definition of its stores, and the
 * migrations that bring any older database up to this version. A migration
 * only ever moves data; nothing a reader added is dropped.
 *
 * Version 1 kept each meeting, its terms and its text in one record. Version
 * 2 splits them: the library list reads meetings alone, and the extracted
 * texts are kept apart (so that a later parser can read the minutes again).
 * Version 3 adds the library's index segment (lib/search/segment.ts): the
 * service worker loads it as one buffer instead of indexing every stored
 * remark again, which took a second for two hundred meetings. It is derived
 * from the meetings and their terms, so an old database gets it rebuilt.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Meeting, Remark } from '../minutes/types';
import type { SourceFormat } from '../extract/extract';

export const LIBRARY_DB = 'minutes-lens-library';
export const LIBRARY_DB_VERSION = 3;

/** A meeting the reader added, as the library list and the index need it. */
export interface StoredMeeting {
  id: string;
  meeting: Meeting;
  remarks: Remark[];
  /** The file (or page) it came from. */
  file: { name: string; size: number; format: SourceFormat };
  /** ISO date and time it was added. */
  addedAt: string;
  warnings: string[];
  /** Characters stored for it (text, remarks and terms): what the library's size limit counts. */
  chars: number;
}

/** Each remark's search terms, from the run-time analyser of `analyzer` version. */
export interface StoredTerms {
  id: string;
  terms: string[][];
  analyzer: number;
}

/** The text the meeting was parsed from (remark offsets index into it). */
export interface StoredText {
  id: string;
  text: string;
}

/** The library's index segment, in the asset's form of `version` (lib/search/schema.ts INDEX_VERSION). */
export interface StoredSegment {
  id: 'library';
  version: number;
  bytes: ArrayBuffer;
}

export interface LibrarySchema extends DBSchema {
  meetings: { key: string; value: StoredMeeting; indexes: { addedAt: string } };
  terms: { key: string; value: StoredTerms };
  texts: { key: string; value: StoredText };
  segments: { key: string; value: StoredSegment };
}

/** Version 1's one record per meeting. */
export interface StoredMeetingV1 extends Omit<StoredMeeting, 'chars'> {
  terms: string[][];
  text: string;
}

type Upgrade = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/**
 * Each step takes the database from the version before it to its own. They
 * run in order from the version found, so a database several versions old
 * passes through each.
 */
const MIGRATIONS: Record<number, (db: IDBPDatabase<LibrarySchema>, tx: Upgrade) => Promise<void> | void> = {
  1: (db) => {
    db.createObjectStore('meetings', { keyPath: 'id' });
  },
  2: async (db, tx) => {
    db.createObjectStore('terms', { keyPath: 'id' });
    db.createObjectStore('texts', { keyPath: 'id' });
    const meetings = tx.objectStore('meetings');
    meetings.createIndex('addedAt', 'addedAt');
    for (let cursor = await meetings.openCursor(); cursor; cursor = await cursor.continue()) {
      const { terms, text, ...rest } = cursor.value as unknown as StoredMeetingV1;
      const chars = text.length + JSON.stringify(rest.remarks).length + JSON.stringify(terms).length;
      await Promise.all([
        tx.objectStore('terms').put({ id: rest.id, terms, analyzer: 1 }),
        tx.objectStore('texts').put({ id: rest.id, text }),
        cursor.update({ ...rest, chars }),
      ]);
    }
  },
  // The segment is built from the meetings and terms the first time the library is loaded.
  3: (db) => {
    db.createObjectStore('segments', { keyPath: 'id' });
  },
};

/**
 * Run from IDB's upgradeneeded event. Every step works on its one
 * versionchange transaction, which stays active from one step to the next
 * because each awaits only that transaction's own requests (or nothing).
 */
export async function migrate(db: IDBPDatabase<LibrarySchema>, oldVersion: number, newVersion: number, tx: Upgrade): Promise<void> {
  for (let v = oldVersion + 1; v <= newVersion; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration to library version ${v}`);
    await step(db, tx);
  }
}
