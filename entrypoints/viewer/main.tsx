import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MeetingView } from '../../components/MeetingView';
import { PENDING_QUERY_KEY, type PendingQuery } from '../../lib/background/panel';
import type { Meeting, Remark } from '../../lib/minutes/types';
import { makeAnchor, resolveAnchor } from '../../lib/ui/anchor';
import { citationText } from '../../lib/ui/citation';
import { call } from '../../lib/ui/client';
import { localizePage, t } from '../../lib/ui/i18n';
import { meetingOfRemark, passageUrl, readPassageUrl, searchUrl } from '../../lib/ui/urls';
import { Toolbar } from './Toolbar';

/**
 * Said in a citation when the minutes give no speaker. A citation is Japanese
 * text about Japanese minutes (lib/ui/citation.ts), whatever the UI language.
 */
const CITATION_NO_SPEAKER = '発言者の記載なし';

type State =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'error'; error: string }
  | { kind: 'ready'; meeting: Meeting; remarks: Remark[]; yours: boolean };

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
    document.title = state.kind === 'ready' ? `${state.meeting.title} — ${t('extName')}` : t('extName');
  }, [state]);

  // The address names the remark shown, with its quote: a copied or bookmarked URL survives a rebuild.
  useEffect(() => {
    if (state.kind !== 'ready' || target.id === null) return;
    history.replaceState(history.state, '', passageUrl(target.id, term, makeAnchor(state.remarks, target.id)));
  }, [state, target.id]);

  const steps = useMemo(() => (state.kind === 'ready' ? state.remarks.filter((r) => r.kind !== 'heading') : []), [state]);

  switch (state.kind) {
    case 'loading':
      return <p class="status loading" role="status">{t('viewerLoading')}</p>;
    case 'not-found':
      return (
        <p class="status not-found" role="alert">
          {t('viewerNotFound')}
          {anchor.remark && <code class="asked">{anchor.remark}</code>}
        </p>
      );
    case 'error':
      return (
        <div class="status error" role="alert">
          <p>{t('viewerError')}</p>
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
            citation={current ? citationText(state.meeting, current, { noSpeaker: CITATION_NO_SPEAKER, yours: state.yours }) : null} />
          {!current && <p class="status no-remark" role="status">{t('viewerNoRemark')}</p>}
          <MeetingView meeting={state.meeting} remarks={state.remarks} targetId={target.id} term={term}
            focusTarget={target.focus} yours={state.yours} />
        </>
      );
    }
  }
}

localizePage(t('extName'));
render(<App />, document.getElementById('app')!);
