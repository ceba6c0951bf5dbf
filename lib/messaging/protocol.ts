/**
 * The one contract between the extension's contexts. Each message type maps to
 * its request payload and its reply; every sender and receiver imports these
 * types, and receivers check the shape at run time with `isMessage`.
 *
 * Errors cross the boundary as values (`{ ok: false, error }`), never as
 * rejected promises that the other side may not see.
 */

export interface ContentCalls {
  /** Asked of a content script: is it running on this tab, and on which page? */
  'content/ping': { request: Record<string, never>; reply: { url: string } };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type MessageType = keyof ContentCalls;
export type Message<K extends MessageType = MessageType> = {
  type: K;
  payload: ContentCalls[K]['request'];
};
export type Reply<K extends MessageType> = Result<ContentCalls[K]['reply']>;

const TYPES: ReadonlySet<string> = new Set<MessageType>(['content/ping']);

/** Run-time shape check for anything that arrives through `onMessage`. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  return (
    typeof type === 'string' &&
    TYPES.has(type) &&
    typeof payload === 'object' &&
    payload !== null
  );
}
