/**
 * A binary container of named sections: a small JSON header, then typed
 * arrays laid out so that each can be viewed in place (4-byte aligned, the
 * platform's little-endian order). Reading one costs no parsing: a section is
 * a view on the decompressed bytes, not a copy.
 *
 *   "MLIX" | u32 header length | header JSON (UTF-8) | padding | section | padding | section …
 */

const MAGIC = 0x58494c4d; // "MLIX" read as a little-endian u32

export type SectionArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array;
type SectionKind = 'u8' | 'u16' | 'u32' | 'i32' | 'f32';

const KIND_OF = (a: SectionArray): SectionKind =>
  a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : a instanceof Int32Array ? 'i32' : 'f32';

const VIEW: Record<SectionKind, (buffer: ArrayBuffer, offset: number, length: number) => SectionArray> = {
  u8: (b, o, n) => new Uint8Array(b, o, n),
  u16: (b, o, n) => new Uint16Array(b, o, n),
  u32: (b, o, n) => new Uint32Array(b, o, n),
  i32: (b, o, n) => new Int32Array(b, o, n),
  f32: (b, o, n) => new Float32Array(b, o, n),
};

const BYTES: Record<SectionKind, number> = { u8: 1, u16: 2, u32: 4, i32: 4, f32: 4 };

interface SectionEntry {
  kind: SectionKind;
  offset: number;
  length: number;
}

const align = (n: number) => (n + 3) & ~3;

export function writeContainer(header: object, sections: Record<string, SectionArray>): Uint8Array {
  const names = Object.keys(sections);
  // The header says where each section is, so its own length must be known first: lay out twice.
  const layout = (headerBytes: number) => {
    let at = align(8 + headerBytes);
    const entries: Record<string, SectionEntry> = {};
    for (const name of names) {
      const a = sections[name]!;
      entries[name] = { kind: KIND_OF(a), offset: at, length: a.length };
      at = align(at + a.byteLength);
    }
    return { entries, size: at };
  };
  let encoded = new TextEncoder().encode(JSON.stringify({ ...header, sections: layout(0).entries }));
  for (;;) {
    const { entries } = layout(encoded.length);
    const next = new TextEncoder().encode(JSON.stringify({ ...header, sections: entries }));
    if (next.length === encoded.length) {
      encoded = next;
      break;
    }
    encoded = next;
  }
  const { entries, size } = layout(encoded.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, encoded.length, true);
  out.set(encoded, 8);
  for (const name of names) {
    const a = sections[name]!;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), entries[name]!.offset);
  }
  return out;
}

/** A container whose sections run past its bytes: a file cut short or a download not finished. */
export class TruncatedError extends Error {
  override name = 'TruncatedError';
}

export interface Container<H> {
  header: H;
  section<T extends SectionArray>(name: string): T;
}

/**
 * The header and views on the sections; null when the bytes are not a
 * container. `partial`: the bytes are a prefix still arriving, and only a
 * section asked for must lie within them (the others are checked when asked).
 */
export function readContainer<H extends object>(bytes: Uint8Array, partial = false): Container<H> | null {
  if (bytes.byteLength < 8) return null;
  // Views need an aligned buffer of their own: a fresh copy when the bytes sit at an odd offset.
  const buffer = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(buffer.subarray(8, 8 + length))) as H & { sections: Record<string, SectionEntry> };
  const within = (name: string, e: SectionEntry) => {
    const end = e.offset + e.length * BYTES[e.kind];
    if (end > buffer.byteLength) throw new TruncatedError(`its section ${name} ends at byte ${end} of ${buffer.byteLength}`);
  };
  if (!partial) for (const [name, e] of Object.entries(header.sections ?? {})) within(name, e);
  const base = buffer.byteOffset;
  return {
    header,
    section<T extends SectionArray>(name: string): T {
      const e = header.sections[name];
      if (!e) throw new Error(`the index asset has no section ${name}`);
      if (partial) within(name, e);
      return VIEW[e.kind](buffer.buffer as ArrayBuffer, base + e.offset, e.length) as T;
    },
  };
}

/**
 * Where section `name` ends, read from a container's first bytes; null until
 * enough of them have arrived to say (or when they are not a container).
 */
export function sectionEnd(prefix: Uint8Array, name: string): number | null {
  if (prefix.byteLength < 8) return null;
  const view = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const length = view.getUint32(4, true);
  if (prefix.byteLength < 8 + length) return null;
  try {
    const { sections } = JSON.parse(new TextDecoder().decode(prefix.subarray(8, 8 + length))) as { sections?: Record<string, SectionEntry> };
    const e = sections?.[name];
    return e ? e.offset + e.length * BYTES[e.kind] : null;
  } catch {
    return null;
  }
}
