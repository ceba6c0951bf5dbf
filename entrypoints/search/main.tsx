import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { HitList } from '../../components/HitList';
import { call } from '../../lib/ui/client';
import type { HitView } from '../../lib/search/views';

/** A full-page search over the shipped minutes (the side panel grows from this). */
function App() {
  const [query, setQuery] = useState(new URLSearchParams(location.search).get('q') ?? '');
  const [state, setState] = useState<{ hits: HitView[]; error?: string } | null>(null);

  useEffect(() => {
    if (query.trim() === '') return setState(null);
    let stale = false;
    const timer = setTimeout(async () => {
      const reply = await call(browser.runtime.sendMessage, 'lens/search', { query });
      if (!stale) setState(reply.ok ? { hits: reply.value.hits } : { hits: [], error: reply.error });
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <main>
      <input type="search" value={query} placeholder="議事録を検索 / search the minutes" aria-label="search the minutes"
        onInput={(e) => setQuery(e.currentTarget.value)} autoFocus />
      {state?.error && <p class="status" role="alert">{state.error}</p>}
      {state && !state.error && state.hits.length === 0 && <p class="status">no related remarks in the minutes</p>}
      {state && <HitList hits={state.hits} />}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
