/**
 * Between the options page and its import worker: the page hands over a
 * file's bytes (or a page it has already read with DOMParser, which workers
 * lack) and gets the parsed minutes back, or the reason they cannot be read.
 */
import type { Extracted } from '../extract/extract';
import type { ParsedMinutes } from '../minutes/types';

export type WorkerRequest =
  | { id: number; kind: 'bytes'; name: string; bytes: ArrayBuffer; cMapUrl: string }
  | { id: number; kind: 'extracted'; name: string; doc: Extracted };

export type WorkerReply =
  | { id: number; ok: true; parsed: ParsedMinutes; text: string; pages: number | null }
  | { id: number; ok: false; error: string };
