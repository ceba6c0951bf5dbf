import { describe, expect, it, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, MAX_LISTED_SITES, POPOVER_COUNT_MAX } from '../../lib/limits';
import { badgeFor } from '../../lib/background/badge';
import { fromDraft, toDraft } from '../../lib/settings/form';
import { DEFAULTS, normalizeHost, parseSettings, siteEnabled, toggleSite, type Settings } from '../../lib/settings/settings';

// No browser.i18n in Node: the English messages stand in, $1… filled as the browser would.
vi.mock('../../lib/ui/i18n', () => {
  const t = (key: keyof typeof en, ...subs: string[]) => {
    const m = en[key] as { message: string; placeholders?: Record<string, { content: string }> };
    return m.message.replace(/\$(\w+)\$/g, (_, name: string) =>
      (m.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (_x, i: string) => subs[Number(i) - 1] ?? ''));
  };
  return { t, plural: (n: number, one: keyof typeof en, other: keyof typeof en) => t(n === 1 ? one : other, String(n)) };
});

const settings = (over: Partial<Settings>): Settings => ({ ...DEFAULTS, ...over });

describe('parseSettings', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['an array', [1, 2]],
    ['an empty object', {}],
  ])('gives the defaults for %s', (_, value) => {
    expect(parseSettings(value)).toEqual(DEFAULTS);
  });

  it('keeps valid fields and replaces each invalid one by its default', () => {
    expect(
      parseSettings({
        mode: 'chosen',
        allow: ['Example.COM', 'not a host', 42, 'example.com', 'https://news.example.org/path'],
        block: 'example.net',
        occurrences: 'every',
        hoverDelayMs: 50,
        popoverCount: 10,
        theme: 'dark',
        unknown: true,
      }),
    ).toEqual({
      mode: 'chosen',
      allow: ['example.com', 'news.example.org'],
      block: [],
      occurrences: 'first',
      hoverDelayMs: 300,
      popoverCount: 10,
      theme: 'dark',
    });
  });

  it.each<[unknown, number]>([
    [HOVER_DELAY_MIN_MS, HOVER_DELAY_MIN_MS],
    [HOVER_DELAY_MAX_MS, HOVER_DELAY_MAX_MS],
    [HOVER_DELAY_MAX_MS + 1, 300],
    [250.5, 300],
    ['500', 300],
    [Number.NaN, 300],
  ])('hover delay %j → %j', (value, expected) => {
    expect(parseSettings({ hoverDelayMs: value }).hoverDelayMs).toBe(expected);
  });

  it.each<[unknown, number]>([
    [1, 1],
    [POPOVER_COUNT_MAX, POPOVER_COUNT_MAX],
    [0, 5],
    [POPOVER_COUNT_MAX + 1, 5],
  ])('popover count %j → %j', (value, expected) => {
    expect(parseSettings({ popoverCount: value }).popoverCount).toBe(expected);
  });

  it('keeps the newest hostnames of a list that is too long', () => {
    const hosts = Array.from({ length: MAX_LISTED_SITES + 5 }, (_, i) => `site${i}.example`);
    const { block } = parseSettings({ block: hosts });
    expect(block).toHaveLength(MAX_LISTED_SITES);
    expect(block.at(-1)).toBe(`site${MAX_LISTED_SITES + 4}.example`);
  });
});

describe('normalizeHost', () => {
  it.each<[string, string | null]>([
    ['Example.COM', 'example.com'],
    ['  https://news.example.com:8080/a?b ', 'news.example.com'],
    ['*.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['ＥＸＡＭＰＬＥ．ｃｏｍ', 'example.com'],
    ['例え.jp', 'xn--r8jz45g.jp'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['', null],
    ['exa mple.com', null],
    ['foo..com', null],
    ['-foo.com', null],
    ['a_b.com', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });
});

describe('siteEnabled', () => {
  it.each<[string, Partial<Settings>, string, boolean]>([
    ['defaults: everywhere', {}, 'example.com', true],
    ['a blocked host', { block: ['example.com'] }, 'example.com', false],
    ['a subdomain of a blocked host', { block: ['example.com'] }, 'news.example.com', false],
    ['a parent of a blocked host', { block: ['news.example.com'] }, 'example.com', true],
    ['a host that only ends like a blocked one', { block: ['example.com'] }, 'badexample.com', true],
    ['chosen mode, not allowed', { mode: 'chosen' }, 'example.com', false],
    ['chosen mode, allowed', { mode: 'chosen', allow: ['example.com'] }, 'example.com', true],
    ['chosen mode, a subdomain of an allowed host', { mode: 'chosen', allow: ['example.com'] }, 'news.example.com', true],
    ['chosen mode, a host ending like an allowed one', { mode: 'chosen', allow: ['example.com'] }, 'myexample.com', false],
    ['block wins over allow', { mode: 'chosen', allow: ['example.com'], block: ['news.example.com'] }, 'news.example.com', false],
    ['case does not matter', { block: ['example.com'] }, 'WWW.Example.com', false],
    ['allow means nothing in all mode', { allow: ['example.com'] }, 'other.org', true],
  ])('%s', (_, over, host, expected) => {
    expect(siteEnabled(settings(over), host)).toBe(expected);
  });
});

describe('toggleSite', () => {
  it('switches a site off with the block list and on again', () => {
    const off = toggleSite(DEFAULTS, 'news.example.com');
    expect(off.block).toEqual(['news.example.com']);
    expect(siteEnabled(off, 'news.example.com')).toBe(false);
    expect(siteEnabled(off, 'example.com')).toBe(true);
    const on = toggleSite(off, 'news.example.com');
    expect(on).toEqual(DEFAULTS);
  });

  it('switching on lifts a block that covers the host', () => {
    const on = toggleSite(settings({ block: ['example.com', 'other.org'] }), 'news.example.com');
    expect(on.block).toEqual(['other.org']);
    expect(siteEnabled(on, 'news.example.com')).toBe(true);
  });

  it('in chosen mode, switching on allows the host and switching off blocks it', () => {
    const on = toggleSite(settings({ mode: 'chosen' }), 'example.com');
    expect(on).toEqual(settings({ mode: 'chosen', allow: ['example.com'] }));
    const off = toggleSite(on, 'example.com');
    expect(siteEnabled(off, 'example.com')).toBe(false);
    expect(off.allow).toEqual([]);
  });

  it('in chosen mode, a subdomain of an allowed host can be switched off alone', () => {
    const s = settings({ mode: 'chosen', allow: ['example.com'] });
    const off = toggleSite(s, 'news.example.com');
    expect(siteEnabled(off, 'news.example.com')).toBe(false);
    expect(siteEnabled(off, 'example.com')).toBe(true);
    expect(siteEnabled(toggleSite(off, 'news.example.com'), 'news.example.com')).toBe(true);
  });

  it.each<[string, Partial<Settings>, string]>([
    ['defaults', {}, 'example.com'],
    ['blocked parent', { block: ['example.com'] }, 'a.example.com'],
    ['chosen, nothing allowed', { mode: 'chosen' }, 'example.com'],
    ['chosen, parent allowed and child blocked', { mode: 'chosen', allow: ['example.com'], block: ['a.example.com'] }, 'a.example.com'],
  ])('always flips the answer (%s), and does not touch the other settings', (_, over, host) => {
    const before = settings({ ...over, theme: 'dark', popoverCount: 3 });
    const after = toggleSite(before, host);
    expect(siteEnabled(after, host)).toBe(!siteEnabled(before, host));
    expect({ ...after, allow: [], block: [] }).toEqual({ ...before, allow: [], block: [] });
    expect(parseSettings(after)).toEqual(after); // still valid settings
  });

  it('leaves the settings alone for a page without a hostname (file:)', () => {
    expect(toggleSite(DEFAULTS, '')).toBe(DEFAULTS);
  });
});

describe('the options form', () => {
  it('round-trips the settings', () => {
    const s = settings({ mode: 'chosen', allow: ['a.example', 'b.example'], block: ['c.example'], occurrences: 'all', hoverDelayMs: 500 });
    expect(fromDraft(toDraft(s))).toEqual({ ok: true, settings: s });
  });

  it('normalises the hostnames and names each wrong field', () => {
    const draft = { ...toDraft(DEFAULTS), allow: 'Example.com\n\n https://x.example/a \nexample.com', block: 'not a host\nok.example' };
    expect(fromDraft(draft)).toEqual({ ok: false, errors: [{ field: 'block', kind: 'invalid-hosts', lines: ['not a host'] }] });
    expect(fromDraft({ ...draft, block: '' })).toMatchObject({ ok: true, settings: { allow: ['example.com', 'x.example'] } });
    const numbers = fromDraft({ ...toDraft(DEFAULTS), hoverDelayMs: '99', popoverCount: '' });
    expect(numbers.ok).toBe(false);
    expect(!numbers.ok && numbers.errors.map((e) => e.field)).toEqual(['hoverDelayMs', 'popoverCount']);
  });
});

describe('the toolbar badge', () => {
  it.each<[number, boolean, string]>([
    [0, true, ''],
    [7, true, '7'],
    [7, false, 'off'],
    [0, false, 'off'],
  ])('%i marks, on: %s → %j', (count, on, text) => {
    expect(badgeFor(count, on).text).toBe(text);
  });

  it('says how many terms are marked, in the singular for one', () => {
    expect(badgeFor(1, true).title).toBe('Minutes Lens: 1 term marked. Click to switch off on this site');
    expect(badgeFor(7, true).title).toBe('Minutes Lens: 7 terms marked. Click to switch off on this site');
  });
});
