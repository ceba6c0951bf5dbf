/**
 * The reader's controls: where terms are marked, how many, and how the popover
 * behaves. Pure: the content script, the background and the options page all
 * read the stored value through `parseSettings`, so a value written by an older
 * or newer version, or by hand, can never break them.
 */
import {
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  HOVER_REST_MS,
  MAX_LISTED_SITES,
  POPOVER_COUNT_MAX,
  POPOVER_COUNT_MIN,
  RELATED_LIMIT,
} from '../limits';

export interface Settings {
  /** Mark terms on every site (but blocked ones), or only on the allowed ones. */
  mode: 'all' | 'chosen';
  /** Hostnames marked in 'chosen' mode; each covers its subdomains. */
  allow: string[];
  /** Hostnames never marked, in either mode; each covers its subdomains. Wins over `allow`. */
  block: string[];
  /** Mark each term's first occurrence on a page, or every one. */
  occurrences: 'first' | 'all';
  hoverDelayMs: number;
  /** Remarks a popover shows. */
  popoverCount: number;
  theme: 'system' | 'light' | 'dark';
}

export const DEFAULTS: Readonly<Settings> = Object.freeze({
  mode: 'all',
  allow: [],
  block: [],
  occurrences: 'first',
  hoverDelayMs: HOVER_REST_MS,
  popoverCount: RELATED_LIMIT,
  theme: 'system',
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(value: unknown, choices: readonly T[], fallback: T): T {
  return choices.includes(value as T) ? (value as T) : fallback;
}

/** A whole number within [min, max]; anything else (a string, NaN, out of range) is the default. */
function whole(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/** Valid hostnames only, each once, the newest MAX_LISTED_SITES (see limits). */
function hostList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const hosts = new Set<string>();
  for (const item of value) {
    const host = typeof item === 'string' ? normalizeHost(item) : null;
    if (host) hosts.add(host);
  }
  return [...hosts].slice(-MAX_LISTED_SITES);
}

/** The settings in `value`, each missing or invalid field replaced by its default. Never throws. */
export function parseSettings(value: unknown): Settings {
  const v = isObject(value) ? value : {};
  return {
    mode: oneOf(v.mode, ['all', 'chosen'], DEFAULTS.mode),
    allow: hostList(v.allow),
    block: hostList(v.block),
    occurrences: oneOf(v.occurrences, ['first', 'all'], DEFAULTS.occurrences),
    hoverDelayMs: whole(v.hoverDelayMs, HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS, DEFAULTS.hoverDelayMs),
    popoverCount: whole(v.popoverCount, POPOVER_COUNT_MIN, POPOVER_COUNT_MAX, DEFAULTS.popoverCount),
    theme: oneOf(v.theme, ['system', 'light', 'dark'], DEFAULTS.theme),
  };
}

// A DNS label: letters, digits and inner hyphens (punycode included), at most 63 characters.
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A hostname as a reader may type or paste it (`Example.COM`, `https://example.com/path`,
 * `*.example.com`, `例え.jp`) in the form a page's `location.hostname` has
 * (`example.com`, `xn--r8jz45g.jp`); null when it is not one.
 */
export function normalizeHost(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text === '') return null;
  if (text.startsWith('*.')) text = text.slice(2);
  let host: string;
  try {
    // The URL parser does what browsers do to hostnames: IDN to punycode, full-width to ASCII.
    host = new URL(text.includes('://') ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/\.+$/, '');
  if (host.startsWith('[')) return host; // an IPv6 address, as location.hostname writes it
  const labels = host.split('.');
  if (host.length > 253 || !labels.every((l) => LABEL.test(l))) return null;
  return host;
}

/** Whether a listed hostname covers `host`: the same host, or a subdomain of it. */
export function covers(listed: string, host: string): boolean {
  return host === listed || host.endsWith(`.${listed}`);
}

/** Whether terms are marked on pages of `hostname`. The block list wins; in 'chosen' mode only allowed hosts. */
export function siteEnabled(settings: Settings, hostname: string): boolean {
  const host = normalizeHost(hostname) ?? hostname.toLowerCase();
  if (settings.block.some((listed) => covers(listed, host))) return false;
  return settings.mode === 'all' || settings.allow.some((listed) => covers(listed, host));
}

/**
 * The settings with marking on `hostname` switched the other way (the toolbar
 * button). Off: the host goes on the block list (it wins in both modes).
 * On: every block entry covering it is lifted, and in 'chosen' mode the host
 * is allowed. Only the lists change; a hostname that is not one changes nothing.
 */
export function toggleSite(settings: Settings, hostname: string): Settings {
  const host = normalizeHost(hostname);
  if (!host) return settings;
  if (siteEnabled(settings, host)) {
    return {
      ...settings,
      allow: settings.allow.filter((listed) => listed !== host),
      block: [...settings.block.filter((listed) => listed !== host), host].slice(-MAX_LISTED_SITES),
    };
  }
  const block = settings.block.filter((listed) => !covers(listed, host));
  const allowed = settings.allow.some((listed) => covers(listed, host));
  const allow = settings.mode === 'chosen' && !allowed ? [...settings.allow, host].slice(-MAX_LISTED_SITES) : settings.allow;
  return { ...settings, allow, block };
}

/** Hostnames typed one a line (the options page): the valid ones, normalised, each once, and the lines that are not hostnames. */
export function parseHostLines(text: string): { hosts: string[]; invalid: string[] } {
  const hosts = new Set<string>();
  const invalid: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const host = normalizeHost(line);
    if (host) hosts.add(host);
    else invalid.push(line.trim());
  }
  return { hosts: [...hosts], invalid };
}
