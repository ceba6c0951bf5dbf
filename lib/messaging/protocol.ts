/**
 * The one contract between the extension's contexts. Each message type maps to
 * its request payload and its reply; senders and receivers import these types,
 * and receivers check every message's shape at run time (`parseMessage`),
 * ignoring what they do not know.
 *
 * Errors cross the boundary as values (`{ ok: false, error }`), never as
 * rejected promises that the other side may not see.
 */
import type { SearchOptions } from '../search/engine';
import type { HitView } from '../search/views';

/** Asked of the background service worker, which holds the index. */
export interface BackgroundCalls {
  'lens/search': { request: { query: string; options?: SearchOptions }; reply: { hits: HitView[] } };
}

/** Asked of a content script by the background. */
export interface ContentCalls {
  /** Is it running on this tab, and on which page? */
  'content/ping': { request: Record<string, never>; reply: { url: string } };
}

type Calls = BackgroundCalls & ContentCalls;
export type MessageType = keyof Calls;
export type Message<K extends MessageType = MessageType> = K extends MessageType
  ? { type: K; payload: Calls[K]['request'] }
  : never;
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
export type Reply<K extends MessageType> = Result<Calls[K]['reply']>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
const SEARCH_OPTION_KEYS = ['committee', 'meeting', 'speaker', 'role', 'from', 'to'] as const;

/** Run-time checks of each message's payload: the receiver trusts nothing it has not checked. */
const PAYLOAD: { [K in MessageType]: (p: Record<string, unknown>) => boolean } = {
  'lens/search': (p) =>
    typeof p.query === 'string' &&
    (p.options === undefined ||
      (isObject(p.options) &&
        SEARCH_OPTION_KEYS.every((k) => optionalString((p.options as Record<string, unknown>)[k])) &&
        (p.options.limit === undefined || (typeof p.options.limit === 'number' && p.options.limit > 0)))),
  'content/ping': () => true,
};

/** The message if it is one we know with a well-formed payload, else null. */
export function parseMessage(value: unknown): Message | null {
  if (!isObject(value) || typeof value.type !== 'string' || !isObject(value.payload)) return null;
  const check = (PAYLOAD as Record<string, ((p: Record<string, unknown>) => boolean) | undefined>)[value.type];
  return check?.(value.payload) ? (value as unknown as Message) : null;
}
