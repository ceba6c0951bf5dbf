/**
 * The query the search app opens with (entrypoints/sidepanel/query-source.ts):
 * a query handed over, else the last one, and never over what the reader typed
 * while storage was being read. Storage is a fake whose reads the test answers
 * when it chooses, so "the reader typed before the read came back" is a step
 * of the test rather than a race.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Area = Map<string, unknown>;
const areas: Record<'session' | 'local', Area> = { session: new Map(), local: new Map() };
/** Reads wait here until the test lets them through. */
let held: (() => void)[] = [];
let holdReads = false;

function fakeArea(area: Area) {
  return {
    async get(key: string) {
      if (holdReads) await new Promise<void>((go) => held.push(go));
      return area.has(key) ? { [key]: area.get(key) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) area.set(k, v);
    },
    async remove(key: string) {
      area.delete(key);
    },
  };
}

vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      session: fakeArea(areas.session),
      local: fakeArea(areas.local),
      onChanged: { addListener() {}, removeListener() {} },
    },
  },
}));

const { openingQuery } = await import('../../entrypoints/sidepanel/query-source');

/** Lets every held read through, once the microtasks queued so far have run. */
const release = async () => {
  await new Promise((tick) => setTimeout(tick));
  for (const go of held.splice(0)) go();
};

describe('openingQuery', () => {
  beforeEach(() => {
    areas.session.clear();
    areas.local.clear();
    held = [];
    holdReads = false;
  });

  it('opens on a handed-over query, and spends it', async () => {
    areas.session.set('pendingQuery', { query: 'サイバー保険', at: 1 });
    areas.local.set('lastQuery', 'IoT機器');
    await expect(openingQuery(true, () => false)).resolves.toEqual({ query: 'サイバー保険', view: 'results', handedOver: true });
    expect(areas.session.has('pendingQuery')).toBe(false);
  });

  it('opens a query handed over for its timeline on the timeline; a view it does not know is the results', async () => {
    areas.session.set('pendingQuery', { query: 'テレワーク', at: 1, view: 'timeline' });
    await expect(openingQuery(true, () => false)).resolves.toEqual({ query: 'テレワーク', view: 'timeline', handedOver: true });
    areas.session.set('pendingQuery', { query: 'テレワーク', at: 2, view: '<img src=x>' });
    await expect(openingQuery(true, () => false)).resolves.toEqual({ query: 'テレワーク', view: 'results', handedOver: true });
  });

  it('else on the last query, offered rather than handed over', async () => {
    areas.local.set('lastQuery', 'IoT機器');
    await expect(openingQuery(true, () => false)).resolves.toEqual({ query: 'IoT機器', view: 'results', handedOver: false });
  });

  it('leaves the handed-over query to the side panel: the search page takes only the last one', async () => {
    areas.session.set('pendingQuery', { query: 'サイバー保険', at: 1 });
    areas.local.set('lastQuery', 'IoT機器');
    await expect(openingQuery(false, () => false)).resolves.toEqual({ query: 'IoT機器', view: 'results', handedOver: false });
    expect(areas.session.has('pendingQuery')).toBe(true);
  });

  it.each([
    ['a handed-over query', () => areas.session.set('pendingQuery', { query: 'サイバー保険', at: 1 })],
    ['the last query', () => areas.local.set('lastQuery', 'サイバー保険')],
  ])('does not put %s over what the reader typed while it was being read', async (_, store) => {
    store();
    holdReads = true;
    let typed = false;
    const opening = openingQuery(true, () => typed);
    typed = true; // the reader's first keys, before storage answers
    await release();
    await release();
    await expect(opening).resolves.toBeNull();
  });

  it('reads nothing once the reader has typed', async () => {
    areas.session.set('pendingQuery', { query: 'サイバー保険', at: 1 });
    areas.local.set('lastQuery', 'IoT機器');
    await expect(openingQuery(true, () => true)).resolves.toBeNull();
    expect(areas.session.has('pendingQuery')).toBe(true);
  });
});
