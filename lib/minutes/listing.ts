/** A readable listing of parsed minutes, for people at a terminal. */
import type { ParsedMinutes } from './types';

export function formatListing({ meeting: m, remarks, warnings }: ParsedMinutes): string {
  const out: string[] = [];
  out.push(m.title);
  const facts: [string, string | null][] = [
    ['id', m.id],
    ['committee', m.committee],
    ['organiser', m.organiser],
    ['number', m.number === null ? null : String(m.number)],
    ['date', m.date],
    ['time', m.time],
    ['venue', m.venue],
    ['materials', m.materials.length ? String(m.materials.length) : null],
    ['attendees', m.attendees.map((g) => `${g.group ?? '—'} (${g.members.length})`).join(', ') || null],
  ];
  for (const [k, v] of facts) if (v !== null) out.push(`  ${k.padEnd(10)} ${v}`);
  out.push('');
  for (const r of remarks) {
    if (r.kind === 'heading') {
      out.push(`## ${r.text}`);
      continue;
    }
    const who = r.kind === 'turn' ? `${r.speaker ?? '?'}${r.role ? ` (${r.role})` : ''}` : '・';
    const text = r.text.replace(/\n/g, ' ');
    out.push(`${String(r.order).padStart(4)} ${who}: ${text.length > 100 ? `${text.slice(0, 100)}…` : text}`);
  }
  if (warnings.length) out.push('', ...warnings.map((w) => `warning: ${w}`));
  return out.join('\n');
}
