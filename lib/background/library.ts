/**
 * The reader's library as the background runs it: the one writer of the
 * store, and the keeper of the index's library half, so a meeting is
 * searchable the moment it is stored and gone from every search the moment
 * it is removed. Additions run one at a time (the duplicate check and the
 * limits see every earlier one).
 */
import { LIBRARY_MAX_CHARS, LIBRARY_MAX_FILE_BYTES, LIBRARY_MAX_MEETINGS } from '../limits';
import type { LibraryOutcome } from '../messaging/protocol';
import { libraryIdFor, summaryOf, withLibraryId, type ImportedFile, type LibrarySummary } from '../library/record';
import { EXPORT_FORMAT, EXPORT_VERSION, readExport, type ExportedMeeting, type LibraryExport } from '../library/transfer';
import type { StoredMeeting } from '../library/schema';
import { LibraryError, type LibraryStore } from '../library/store';
import { meetingKeys, sameness } from '../minutes/duplicates';
import type { Meeting, ParsedMinutes } from '../minutes/types';
import { analyzeRemarks } from '../search/build';
import { decodeAsset } from '../search/asset';
import type { MinutesIndex } from '../search/engine';
import { createRuntimeAnalyzer } from '../search/runtime-analyzer';
import { INDEX_VERSION } from '../search/schema';
import { appendToSegment, buildSegment, removeFromSegment } from '../search/segment';

/** Bump when the run-time analyser changes what it finds: stored terms record the version they came from. */
export const ANALYZER_VERSION = 1;

export interface LibraryTotals {
  meetings: LibrarySummary[];
  chars: number;
  limits: { meetings: number; chars: number; fileBytes: number };
}

const nameOf = (m: Meeting) => `「${m.title}」${m.date ? `（${m.date}）` : ''}${m.source ? ` ${m.source}` : ''}`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export class Library {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: () => Promise<LibraryStore>,
    private readonly index: () => Promise<MinutesIndex>,
    /** Told after every change the index sees, so open searches and timelines can ask again. */
    private readonly changed: () => void = () => {},
  ) {}

  /** One change at a time, in the order asked. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Add, or say why not: what the options page shows for each file. */
  async outcome(file: ImportedFile, parsed: ParsedMinutes, text: string, addedAt?: string): Promise<LibraryOutcome> {
    try {
      return { added: await this.add(file, parsed, text, addedAt) };
    } catch (e) {
      if (!(e instanceof LibraryError)) throw e;
      return { refused: { name: file.name, problem: e.problem, detail: e.detail } };
    }
  }

  add(file: ImportedFile, parsed: ParsedMinutes, text: string, addedAt = new Date().toISOString()): Promise<LibrarySummary> {
    return this.serial(async () => {
      if (file.size > LIBRARY_MAX_FILE_BYTES) {
        throw new LibraryError('too-big', `${file.name}, ${megabytes(file.size)} (at most ${megabytes(LIBRARY_MAX_FILE_BYTES)})`);
      }
      const [store, index] = await Promise.all([this.store(), this.index()]);
      const stored = await store.meetings();
      if (stored.length >= LIBRARY_MAX_MEETINGS) throw new LibraryError('library-full', `${LIBRARY_MAX_MEETINGS} meetings`);

      const id = libraryIdFor(file.name, text);
      const { meeting, remarks } = withLibraryId(parsed, id);
      const twin = index.meeting(id) ?? this.duplicateOf({ meeting, remarks }, index);
      if (twin) throw new LibraryError('duplicate', nameOf(twin));

      // Analysed as the shipped minutes were, against their vocabulary and katakana words.
      const rows = analyzeRemarks(remarks, createRuntimeAnalyzer(index.vocabulary), index.vocabulary.isPart);
      const terms = remarks.map((_, i) => rows.get(i) ?? []);
      const chars = text.length + JSON.stringify(remarks).length + JSON.stringify(terms).length;
      if (stored.reduce((n, s) => n + s.chars, 0) + chars > LIBRARY_MAX_CHARS) {
        throw new LibraryError('library-full', `${LIBRARY_MAX_CHARS.toLocaleString('en')} characters`);
      }

      const record: StoredMeeting = {
        id, meeting, remarks, file, addedAt, warnings: parsed.warnings, chars,
      };
      // The library's index segment with this meeting appended, stored with it and then searched.
      const segment = appendToSegment(index.libraryTables(), { meeting, remarks, terms });
      await store.add({ meeting: record, terms: { id, terms, analyzer: ANALYZER_VERSION }, text: { id, text } }, stored_(segment));
      index.setLibrary(decodeAsset(segment));
      this.changed();
      return summaryOf(record);
    });
  }

  /** The meeting already searched that this one repeats (the build's rule: same body, or same committee, number and date). */
  private duplicateOf(parsed: Pick<ParsedMinutes, 'meeting' | 'remarks'>, index: MinutesIndex): Meeting | null {
    const keys = new Set(meetingKeys(parsed));
    for (const m of index.meetings) {
      const key = meetingKeys({ meeting: m, remarks: index.remarksOf(m.id) }).find((k) => keys.has(k));
      if (key) {
        console.info(`Minutes Lens: ${parsed.meeting.title} has ${sameness(key, parsed)} as ${m.id}`);
        return m;
      }
    }
    return null;
  }

  remove(id: string): Promise<boolean> {
    return this.serial(async () => {
      const [store, index] = await Promise.all([this.store(), this.index()]);
      const current = index.libraryTables();
      const segment = current && index.isYours(id) ? removeFromSegment(current, id) : null;
      const left = segment && decodeAsset(segment);
      const removed = await store.remove(id, left && left.rowMeeting.length > 0 ? stored_(segment!) : null);
      if (current && index.isYours(id)) index.setLibrary(left);
      if (removed) this.changed();
      return removed;
    });
  }

  clear(): Promise<number> {
    return this.serial(async () => {
      const [store, index] = await Promise.all([this.store(), this.index()]);
      const count = await store.clear();
      index.setLibrary(null);
      if (count > 0) this.changed();
      return count;
    });
  }

  async exportAll(): Promise<LibraryExport> {
    const store = await this.store();
    const meetings: ExportedMeeting[] = [];
    for (const m of await store.meetings()) {
      const record = await store.record(m.id);
      if (!record) continue;
      meetings.push({ file: m.file, addedAt: m.addedAt, parsed: { meeting: m.meeting, remarks: m.remarks, warnings: m.warnings }, text: record.text.text });
    }
    return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), meetings };
  }

  /** An exported library read back: each meeting added as if imported again, or refused with its reason. */
  async importAll(data: unknown): Promise<LibraryOutcome[]> {
    const read = readExport(data);
    if ('error' in read) return [{ refused: { name: '', problem: 'unreadable', detail: read.error } }];
    const outcomes: LibraryOutcome[] = [];
    for (const m of read.meetings) outcomes.push(await this.outcome(m.file, m.parsed, m.text, m.addedAt));
    return outcomes;
  }

  async totals(): Promise<LibraryTotals> {
    const stored = await (await this.store()).meetings();
    return {
      meetings: stored.map(summaryOf),
      chars: stored.reduce((n, s) => n + s.chars, 0),
      limits: { meetings: LIBRARY_MAX_MEETINGS, chars: LIBRARY_MAX_CHARS, fileBytes: LIBRARY_MAX_FILE_BYTES },
    };
  }
}

const stored_ = (bytes: Uint8Array) => ({ id: 'library' as const, version: INDEX_VERSION, bytes: bytes.slice().buffer as ArrayBuffer });

/**
 * The library's segment when the service worker starts: as stored, or, when
 * there is none of this version (an older database, an update that changed
 * the index's form), built again from the stored meetings and their terms,
 * and stored for the next start.
 */
export async function loadLibrarySegment(store: LibraryStore): Promise<Uint8Array | null> {
  const saved = await store.segment();
  if (saved && saved.version === INDEX_VERSION) return new Uint8Array(saved.bytes);
  const entries = await store.entries();
  if (entries.length === 0) return null;
  const bytes = buildSegment(entries.map(({ meeting, terms }) => ({ meeting: meeting.meeting, remarks: meeting.remarks, terms: terms.terms })));
  await store.saveSegment(stored_(bytes));
  return bytes;
}
