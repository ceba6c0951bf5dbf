import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { MeetingView, type MeetingStrings } from '../../components/MeetingView';
import type { Meeting, Remark } from '../../lib/minutes/types';
import { call } from '../../lib/ui/client';
import { meetingOfRemark } from '../../lib/ui/urls';

/** The viewer's words (Japanese, English in parentheses) until they move to i18n. */
const UI = {
  appName: '議事録レンズ (Minutes Lens)',
  loading: '読み込み中… (Loading…)',
  notFound: '会議が見つかりません (Meeting not found)',
  noRemark: 'この会議にこの発言は見つかりません (This remark is not in the meeting)',
  error: '議事録を読み込めませんでした (Could not load the minutes)',
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

const params = new URLSearchParams(location.search);
const remarkId = params.get('remark') ?? '';
const term = params.get('term')?.trim() || null;

/** One meeting's minutes, opened on one remark (`viewer.html?remark=<id>&term=<term>`). */
function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const of = meetingOfRemark(remarkId);
    if (!of) return setState({ kind: 'not-found' });
    let stale = false;
    void call(browser.runtime.sendMessage, 'lens/meeting', { meetingId: of.meetingId }).then((reply) => {
      if (stale) return;
      if (!reply.ok) setState({ kind: 'error', error: reply.error });
      else if (reply.value === null) setState({ kind: 'not-found' });
      else setState({ kind: 'ready', ...reply.value });
    });
    return () => {
      stale = true;
    };
  }, []);

  useEffect(() => {
    document.title = state.kind === 'ready' ? `${state.meeting.title} — ${UI.appName}` : UI.appName;
  }, [state]);

  switch (state.kind) {
    case 'loading':
      return <p class="status loading" role="status">{UI.loading}</p>;
    case 'not-found':
      return (
        <p class="status not-found" role="alert">
          {UI.notFound}
          {remarkId && <code class="asked">{remarkId}</code>}
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
      const found = state.remarks.some((r) => r.id === remarkId);
      return (
        <>
          {!found && <p class="status no-remark" role="status">{UI.noRemark}</p>}
          <MeetingView meeting={state.meeting} remarks={state.remarks} targetId={found ? remarkId : null} term={term}
            strings={UI.meeting} />
        </>
      );
    }
  }
}

render(<App />, document.getElementById('app')!);
