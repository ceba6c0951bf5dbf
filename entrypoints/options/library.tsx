/**
 * ライブラリ / Library: the reader's own minutes. Add files (input or drop),
 * see each one through reading, parsing and indexing to its meeting or its
 * error, list what is stored, remove one or all, export and import the whole
 * library, and see the storage it takes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LibraryTotals } from '../../lib/background/library';
import type { LibrarySummary } from '../../lib/library/record';
import type { LibraryOutcome } from '../../lib/messaging/protocol';
import { call } from '../../lib/ui/client';
import { t } from '../../lib/ui/i18n';
import { problemText } from '../../lib/ui/library-problems';
import { Importer, type Stage } from './importer';

const send = browser.runtime.sendMessage;

interface Job {
  key: number;
  name: string;
  stage: Stage | 'done';
  outcome: LibraryOutcome | null;
}

const STAGE_TEXT: Record<Stage, () => string> = {
  reading: () => t('libraryReading'),
  parsing: () => t('libraryParsing'),
  indexing: () => t('libraryIndexing'),
};

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function JobRow({ job }: { job: Job }) {
  const o = job.outcome;
  return (
    <li class={`job ${o ? ('added' in o ? 'added' : 'refused') : 'busy'}`} data-name={job.name}>
      <span class="name">{job.name}</span>{' '}
      {!o && <span class="stage" role="status">{STAGE_TEXT[job.stage as Stage]()}</span>}
      {o && 'added' in o && (
        <span class="result">
          {t('libraryAdded')}: <strong lang="ja">{o.added.title}</strong>
          {o.added.committee && <span lang="ja"> · {o.added.committee}</span>}
          {o.added.date && <span> · {o.added.date}</span>} · {o.added.remarks} {t('libraryRemarks')}
          {o.added.warnings.length > 0 && (
            <details class="warnings">
              <summary>{t('libraryWarnings')} ({o.added.warnings.length})</summary>
              <ul>{o.added.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
            </details>
          )}
        </span>
      )}
      {o && 'refused' in o && (
        <span class="error" role="alert">
          {t('libraryRefused')}: {problemText(o.refused.problem, o.refused.detail)}
        </span>
      )}
    </li>
  );
}

function MeetingRow({ m, onRemove }: { m: LibrarySummary; onRemove: () => void }) {
  return (
    <tr data-id={m.id}>
      <td lang="ja">{m.title}</td>
      <td lang="ja">{m.committee ?? ''}</td>
      <td>{m.date ?? ''}</td>
      <td class="number">{m.remarks}</td>
      <td>{m.addedAt.slice(0, 10)}</td>
      <td class="number">{size(m.file.size)}</td>
      <td>
        <button type="button" class="remove" onClick={onRemove} aria-label={`${t('libraryRemove')}: ${m.title}`}>
          {t('libraryRemove')}
        </button>
      </td>
    </tr>
  );
}

export function LibrarySection() {
  const [totals, setTotals] = useState<LibraryTotals | null>(null);
  const [usage, setUsage] = useState<number | null>(null);
  const [jobs, setJobs] = useState<Job[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const importer = useRef<Importer | null>(null);
  const nextKey = useRef(1);

  const refresh = async () => {
    const reply = await call(send, 'lens/library-list', {});
    if (reply.ok) setTotals(reply.value);
    else setProblem(reply.error);
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    setUsage(estimate?.usage ?? null);
  };

  useEffect(() => {
    importer.current = new Importer();
    void refresh();
    return () => importer.current?.dispose();
  }, []);

  const update = (key: number, patch: Partial<Job>) => setJobs((all) => all.map((j) => (j.key === key ? { ...j, ...patch } : j)));

  const addFiles = (files: FileList | File[] | null) => {
    for (const file of files ? [...files] : []) {
      const key = nextKey.current++;
      setJobs((all) => [...all, { key, name: file.name, stage: 'reading', outcome: null }]);
      void importer.current!
        .add(file, (stage) => update(key, { stage }))
        .then((outcome) => {
          update(key, { stage: 'done', outcome });
          void refresh();
        });
    }
  };

  const remove = async (m: LibrarySummary) => {
    if (!confirm(t('libraryRemoveConfirm', m.title))) return;
    await call(send, 'lens/library-remove', { id: m.id });
    await refresh();
  };

  const removeAll = async () => {
    if (!confirm(t('libraryRemoveAllConfirm'))) return;
    await call(send, 'lens/library-clear', {});
    await refresh();
  };

  const exportLibrary = async () => {
    const reply = await call(send, 'lens/library-export', {});
    if (!reply.ok) return setProblem(reply.error);
    // A download made here from memory: nothing leaves the machine but to the reader's own disk.
    const url = URL.createObjectURL(new Blob([JSON.stringify(reply.value)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `minutes-lens-library-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const importLibrary = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (e) {
      return setProblem(problemText('unreadable', `${file.name}: ${(e as Error).message}`));
    }
    const key = nextKey.current++;
    setJobs((all) => [...all, { key, name: file.name, stage: 'indexing', outcome: null }]);
    const reply = await call(send, 'lens/library-import', { data });
    const outcomes = reply.ok ? reply.value.outcomes : [{ refused: { name: file.name, problem: 'storage' as const, detail: reply.error } }];
    setJobs((all) => [
      ...all.filter((j) => j.key !== key),
      ...outcomes.map((outcome) => ({
        key: nextKey.current++,
        name: 'added' in outcome ? outcome.added.file.name : outcome.refused.name || file.name,
        stage: 'done' as const,
        outcome,
      })),
    ]);
    await refresh();
  };

  return (
    <section
      class={`library${dragging ? ' dragging' : ''}`}
      aria-labelledby="library-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        addFiles(e.dataTransfer?.files ?? null);
      }}
    >
      <h2 id="library-heading">{t('libraryHeading')}</h2>
      <p class="hint">{t('libraryIntro')}</p>
      <div class="add">
        <label class="button">
          {t('libraryAddFiles')}
          <input type="file" name="library-files" multiple accept=".pdf,.html,.htm,.txt"
            onChange={(e) => {
              addFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }} />
        </label>
        <span class="hint">{t('libraryDrop')}</span>
      </div>
      {jobs.length > 0 && <ul class="jobs" aria-live="polite">{jobs.map((j) => <JobRow key={j.key} job={j} />)}</ul>}
      {problem && <p class="error" role="alert">{problem}</p>}
      {totals && totals.meetings.length === 0 && <p class="empty">{t('libraryEmpty')}</p>}
      {totals && totals.meetings.length > 0 && (
        <table class="meetings">
          <thead>
            <tr>
              <th>{t('libraryTitle')}</th><th>{t('libraryCommittee')}</th><th>{t('libraryDate')}</th>
              <th>{t('libraryRemarks')}</th><th>{t('libraryAddedAt')}</th><th>{t('librarySize')}</th><th />
            </tr>
          </thead>
          <tbody>{totals.meetings.map((m) => <MeetingRow key={m.id} m={m} onRemove={() => void remove(m)} />)}</tbody>
        </table>
      )}
      {totals && (
        <p class="usage">
          {t('libraryUsage', String(totals.meetings.length), String(totals.limits.meetings), usage === null ? '–' : size(usage))}
        </p>
      )}
      <div class="actions">
        <button type="button" class="export" onClick={() => void exportLibrary()} disabled={!totals?.meetings.length}>{t('libraryExport')}</button>
        <label class="button">
          {t('libraryImport')}
          <input type="file" name="library-import" accept=".json,application/json" onChange={(e) => {
            void importLibrary(e.currentTarget.files);
            e.currentTarget.value = '';
          }} />
        </label>
        <button type="button" class="remove-all" onClick={() => void removeAll()} disabled={!totals?.meetings.length}>{t('libraryRemoveAll')}</button>
      </div>
    </section>
  );
}
