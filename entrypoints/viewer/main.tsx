import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MeetingView, type MeetingStrings } from '../../components/MeetingView';
import { PENDING_QUERY_KEY, type PendingQuery } from '../../lib/background/panel';
import type { Meeting, Remark } from '../../lib/minutes/types';
import { makeAnchor, resolveAnchor } from '../../lib/ui/anchor';
import { citationText } from '../../lib/ui/citation';
import { call } from '../../lib/ui/client';
import { meetingOfRemark, passageUrl, readPassageUrl, searchUrl } from '../../lib/ui/urls';
import { Toolbar, type ToolbarStrings } from './Toolbar';

/** The viewer's words (Japanese, English in parentheses) until they move to i18n. */
const UI = {
  appName: '議事録レンズ (Minutes Lens)',
  loading: '読み込み中… (Loading…)',
  notFound: '会議が見つかりません (Meeting not found)',
  noRemark: 'この会議にこの発言は見つかりません (This remark is not in the meeting)',
  error: '議事録を読み込めませんでした (Could not load the minutes)',
  noSpeaker: '発言者の記載なし',
  toolbar: {
    label: '発言の操作 (Passage tools)',
    back: '← 検索に戻る (Back to search)',
    previous: '↑ 前の発言 (Previous remark)',
    next: '↓ 次の発言 (Next remark)',
    copy: '引用をコピー (Copy citation)',
    copied: 'コピーしました (copied)',
    copyFailed: 'コピーできませんでした。下の文を選んでコピーしてください (Could not copy: select the text below)',
  } satisfies ToolbarStrings,
  meeting: {
    committee: '会議 (Committee)',
    organiser: '主催 (Organiser)',
    meetingNumber: '回 (Meeting)',
    nth: (n: number) => `第${n}回`,
    date: '日付 (Date)',
    time: '時間 (Time)',
    venue: '場所 (Venue)',
    attendees: '出席者 (Attendees)',
    attendeesUnlabelled: '出席者 (Attendees)',
    materials: '配布資料 (Materials)',
    notes: 'その他 (Notes)',
    proceedings: '議事 (Proceedings)',
    noSpeaker: '（発言者の記載なし） (speaker not given)',
  } satisfies MeetingStrings,
};

type State =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; meeting: Meeting; remarks: Remark[] };

// `viewer.html?remark=<id>&q=<quote>&p=<prefix>&s=<suffix>&term=<term>`: see lib/ui/anchor.ts.
const { anchor, term } = readPassageUrl(location.search);

/** One meeting's minutes, opened on one remark: the id, or failing that the quote, finds it. */
function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [target, setTarget] = useState<{ id: string | null; focus: boolean }>({ id: null, focus: true });
  const [lastQuery, setLastQuery] = useState<string | null>(null);

  useEffect(() => {
    const of = meetingOfRemark(anchor.remark);
    if (!of) return setState({ kind: 'not-found' });
    let stale = false;
    void call(browser.runtime.sendMessage, 'lens/meeting', { meetingId: of.meetingId }).then((reply) => {
      if (stale) return;
      if (!reply.ok) return setState({ kind: 'error', error: reply.error });
      if (reply.value === null) return setState({ kind: 'not-found' });
      setTarget({ id: resolveAnchor(reply.value.remarks, anchor), focus: true });
      setState({ kind: 'ready', ...reply.value });
    });
    return () => {
      stale = true;
    };
  }, []);

  // Without a term, "back to search" returns to the query the side panel was last given.
  useEffect(() => {
    if (term) return;
    browser.storage.session.get(PENDING_QUERY_KEY).then(
      (got) => setLastQuery((got[PENDING_QUERY_KEY] as PendingQuery | undefined)?.query ?? null),
      () => {},
    );
  }, []);

  useEffect(() => {
    document.title = state.kind === 'ready' ? `${state.meeting.title} — ${UI.appName}` : UI.appName;
  }, [state]);

  // The address names the remark shown, with its quote: a copied or bookmarked URL survives a rebuild.
  useEffect(() => {
    if (state.kind !== 'ready' || target.id === null) return;
    history.replaceState(history.state, '', passageUrl(target.id, term, makeAnchor(state.remarks, target.id)));
  }, [state, target.id]);

  const steps = useMemo(() => (state.kind === 'ready' ? state.remarks.filter((r) => r.kind !== 'heading') : []), [state]);

  switch (state.kind) {
    case 'loading':
      return <p class="status loading" role="status">{UI.loading}</p>;
    case 'not-found':
      return (
        <p class="status not-found" role="alert">
          {UI.notFound}
          {anchor.remark && <code class="asked">{anchor.remark}</code>}
        </p>
      );
    case 'error':
      return (
        <div class="status error" role="alert">
          <p>{UI.error}</p>
          <p class="detail">{state.error}</p>
        </div>
      );
    case 'ready': {
      const current = state.remarks.find((r) => r.id === target.id) ?? null;
      // Previous/next step over headings; from no remark, "next" starts at the first.
      const before = current ? steps.filter((r) => r.order < current.order).pop() : undefined;
      const after = current ? steps.find((r) => r.order > current.order) : steps[0];
      const go = (r: Remark | undefined) => (r ? () => setTarget({ id: r.id, focus: false }) : null);
      const query = term ?? lastQuery;
      return (
        <>
          <Toolbar backHref={query ? searchUrl(query) : '/search.html'} onPrevious={go(before)} onNext={go(after)}
            citation={current ? citationText(state.meeting, current, { noSpeaker: UI.noSpeaker }) : null}
            strings={UI.toolbar} />
          {!current && <p class="status no-remark" role="status">{UI.noRemark}</p>}
          <MeetingView meeting={state.meeting} remarks={state.remarks} targetId={target.id} term={term}
            strings={UI.meeting} focusTarget={target.focus} />
        </>
      );
    }
  }
}

render(<App />, document.getElementById('app')!);
