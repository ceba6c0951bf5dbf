/**
 * The options page's form as text fields, and back: pure, so the checks a
 * reader meets on the page are tested in Node.
 */
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, MAX_LISTED_SITES, POPOVER_COUNT_MAX, POPOVER_COUNT_MIN } from '../limits';
import { parseHostLines, type Settings } from './settings';

/** What the form holds: the lists as one hostname a line, the numbers as typed. */
export interface Draft {
  mode: Settings['mode'];
  allow: string;
  block: string;
  occurrences: Settings['occurrences'];
  hoverDelayMs: string;
  popoverCount: string;
  theme: Settings['theme'];
}

/** Which field is wrong, and how: the page words it. */
export type FormError =
  | { field: 'allow' | 'block'; kind: 'invalid-hosts'; lines: string[] }
  | { field: 'allow' | 'block'; kind: 'too-many'; max: number }
  | { field: 'hoverDelayMs' | 'popoverCount'; kind: 'range'; min: number; max: number };

export function toDraft(settings: Settings): Draft {
  return {
    ...settings,
    allow: settings.allow.join('\n'),
    block: settings.block.join('\n'),
    hoverDelayMs: String(settings.hoverDelayMs),
    popoverCount: String(settings.popoverCount),
  };
}

function wholeIn(text: string, min: number, max: number): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** The settings the form describes, or every reason it does not describe any. */
export function fromDraft(draft: Draft): { ok: true; settings: Settings } | { ok: false; errors: FormError[] } {
  const errors: FormError[] = [];
  const list = (field: 'allow' | 'block') => {
    const { hosts, invalid } = parseHostLines(draft[field]);
    if (invalid.length > 0) errors.push({ field, kind: 'invalid-hosts', lines: invalid });
    if (hosts.length > MAX_LISTED_SITES) errors.push({ field, kind: 'too-many', max: MAX_LISTED_SITES });
    return hosts;
  };
  const allow = list('allow');
  const block = list('block');
  const hoverDelayMs = wholeIn(draft.hoverDelayMs, HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS);
  if (hoverDelayMs === null) errors.push({ field: 'hoverDelayMs', kind: 'range', min: HOVER_DELAY_MIN_MS, max: HOVER_DELAY_MAX_MS });
  const popoverCount = wholeIn(draft.popoverCount, POPOVER_COUNT_MIN, POPOVER_COUNT_MAX);
  if (popoverCount === null) errors.push({ field: 'popoverCount', kind: 'range', min: POPOVER_COUNT_MIN, max: POPOVER_COUNT_MAX });
  if (errors.length > 0 || hoverDelayMs === null || popoverCount === null) return { ok: false, errors };
  return {
    ok: true,
    settings: { mode: draft.mode, allow, block, occurrences: draft.occurrences, hoverDelayMs, popoverCount, theme: draft.theme },
  };
}
