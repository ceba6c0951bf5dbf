/**
 * The library's storage: IndexedDB through `idb` (a thin, well-kept promise
 * wrapper). One writer, the background, so every search sees what is stored.
 * A meeting, its terms and its text are written in one transaction: a
 * meeting is in the library whole or not at all.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { LIBRARY_DB, LIBRARY_DB_VERSION, migrate, type LibrarySchema, type StoredMeeting, type StoredSegment, type StoredTerms, type StoredText } from './schema';

/** Why the library refused or failed something, in a form the UI says in the reader's language. */
export type LibraryProblem =
  | 'too-big'
  | 'library-full'
  | 'duplicate'
  | 'quota'
  | 'unreadable'
  | 'not-minutes'
  | 'storage';

export class LibraryError extends Error {
  override name = 'LibraryError';
  constructor(
    readonly problem: LibraryProblem,
    /** The specifics: the file, the meeting it duplicates, the parser's message. */
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
  }
}

/** A storage failure in words: the quota (a full disk, a browser limit) is the one a reader can act on. */
export function storageError(e: unknown): LibraryError {
  const name = (e as { name?: string }).name;
  const message = e instanceof Error ? e.message : String(e);
  return name === 'QuotaExceededError' ? new LibraryError('quota', message) : new LibraryError('storage', message);
}

export interface LibraryRecord {
  meeting: StoredMeeting;
  terms: StoredTerms;
  text: StoredText;
}

export class LibraryStore {
  private constructor(private readonly db: IDBPDatabase<LibrarySchema>) {}

  static async open(name = LIBRARY_DB): Promise<LibraryStore> {
    const db = await openDB<LibrarySchema>(name, LIBRARY_DB_VERSION, {
      upgrade: (database, oldVersion, newVersion, tx) => void migrate(database, oldVersion, newVersion ?? LIBRARY_DB_VERSION, tx),
    });
    return new LibraryStore(db);
  }

  /** Every meeting, oldest first. */
  meetings(): Promise<StoredMeeting[]> {
    return this.db.getAllFromIndex('meetings', 'addedAt');
  }

  /** Every meeting with its terms: what the index loads (the texts stay on disk). */
  async entries(): Promise<{ meeting: StoredMeeting; terms: StoredTerms }[]> {
    const tx = this.db.transaction(['meetings', 'terms']);
    const [meetings, terms] = await Promise.all([tx.objectStore('meetings').index('addedAt').getAll(), tx.objectStore('terms').getAll()]);
    const byId = new Map(terms.map((t) => [t.id, t]));
    return meetings.flatMap((m) => {
      const t = byId.get(m.id);
      return t ? [{ meeting: m, terms: t }] : [];
    });
  }

  async record(id: string): Promise<LibraryRecord | null> {
    const tx = this.db.transaction(['meetings', 'terms', 'texts']);
    const [meeting, terms, text] = await Promise.all([
      tx.objectStore('meetings').get(id),
      tx.objectStore('terms').get(id),
      tx.objectStore('texts').get(id),
    ]);
    return meeting && terms && text ? { meeting, terms, text } : null;
  }

  /**
   * Adds a meeting and, in the same transaction, the library's new index
   * segment: the meeting is in the library whole, and searched, or not at all.
   */
  async add({ meeting, terms, text }: LibraryRecord, segment: StoredSegment): Promise<void> {
    const tx = this.db.transaction(['meetings', 'terms', 'texts', 'segments'], 'readwrite');
    try {
      await Promise.all([
        tx.objectStore('meetings').add(meeting),
        tx.objectStore('terms').put(terms),
        tx.objectStore('texts').put(text),
        tx.objectStore('segments').put(segment),
        tx.done,
      ]);
    } catch (e) {
      // A full quota aborts the transaction: its error says so, where a request's says only "aborted".
      throw storageError(tx.error ?? e);
    }
  }

  async remove(id: string, segment: StoredSegment | null): Promise<boolean> {
    const tx = this.db.transaction(['meetings', 'terms', 'texts', 'segments'], 'readwrite');
    const had = (await tx.objectStore('meetings').getKey(id)) !== undefined;
    await Promise.all([
      tx.objectStore('meetings').delete(id),
      tx.objectStore('terms').delete(id),
      tx.objectStore('texts').delete(id),
      segment ? tx.objectStore('segments').put(segment) : tx.objectStore('segments').delete('library'),
      tx.done,
    ]);
    return had;
  }

  async clear(): Promise<number> {
    const tx = this.db.transaction(['meetings', 'terms', 'texts', 'segments'], 'readwrite');
    const count = await tx.objectStore('meetings').count();
    await Promise.all(['meetings', 'terms', 'texts', 'segments'].map((s) => tx.objectStore(s as 'meetings').clear()).concat(tx.done));
    return count;
  }

  /** The library's index segment as last stored, or null (none yet, or the library is empty). */
  async segment(): Promise<StoredSegment | null> {
    return (await this.db.get('segments', 'library')) ?? null;
  }

  async saveSegment(segment: StoredSegment): Promise<void> {
    await this.db.put('segments', segment);
  }

  close(): void {
    this.db.close();
  }
}
