/**
 * The command line: the same lib/ code the extension runs, for scripting and tests.
 *
 *   npm run -s lens -- parse FILE [--json]
 *   npm run -s lens -- text FILE
 *   npm run -s lens -- terms FILE [--json]
 *   npm run -s lens -- search "QUERY" [--limit N] [--committee C] [--meeting M] [--speaker S] [--role R] [--from D] [--to D] [--json]
 *   npm run -s lens -- timeline "QUERY" [--committee C] [--speaker S] [--role R] [--from D] [--to D] [--json]
 */
import { formatListing } from '../lib/minutes/listing';
import { MinutesError } from '../lib/minutes/errors';
import { IndexFormatError } from '../lib/search/asset';
import type { SearchOptions } from '../lib/search/engine';
import { readDocument, readMinutesFile, readTextFile } from './node/minutes-files';
import { createPageMatcher } from '../lib/terms/page-matcher';
import { loadIndex } from './node/index-file';
import { formatSearch, formatTimeline, searchRows, timelineRows } from './node/search-output';

const USAGE = `usage: npm run -s lens -- <command> [options]

commands:
  parse FILE [--json]   parse one minutes file (.txt, .pdf, .html, .htm) into its meeting and remarks
  text FILE             the text extracted from a minutes file, exactly: parse's start/end index into it
  terms FILE [--json]   every glossary term in a UTF-8 text file, as a page would mark it
  search "QUERY" [--limit N] [--committee C] [--meeting ID] [--speaker S]
         [--role R] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
                        search the minutes the extension ships, best first
  timeline "QUERY" [--committee C] [--speaker S] [--role R] [--from D] [--to D] [--json]
                        the query's matching remarks counted per meeting, in date order`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set<string>(['--limit', '--committee', '--meeting', '--speaker', '--role', '--from', '--to']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) positional.push(a);
    else if (valued.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      flags.set(a, v);
    } else flags.set(a, true);
  }
  return { positional, flags };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function searchOptions(flags: Map<string, string | true>): SearchOptions {
  const known = new Set(['--json', '--limit', '--committee', '--meeting', '--speaker', '--role', '--from', '--to']);
  for (const f of flags.keys()) if (!known.has(f)) throw new UsageError(`unknown option ${f}`);
  const text = (f: string) => (typeof flags.get(f) === 'string' ? (flags.get(f) as string) : undefined);
  const options: SearchOptions = {
    committee: text('--committee'),
    meeting: text('--meeting'),
    speaker: text('--speaker'),
    role: text('--role'),
    from: text('--from'),
    to: text('--to'),
  };
  for (const f of ['--from', '--to'] as const) {
    const v = text(f);
    if (v !== undefined && !DATE.test(v)) throw new UsageError(`${f} takes a date as YYYY-MM-DD, not ${v}`);
  }
  const limit = text('--limit');
  if (limit !== undefined) {
    if (!/^[1-9]\d*$/.test(limit)) throw new UsageError(`--limit takes a positive whole number, not ${limit}`);
    options.limit = Number(limit);
  }
  return options;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  switch (command) {
    case 'parse': {
      const known = new Set(['--json']);
      for (const f of flags.keys()) if (!known.has(f)) throw new UsageError(`unknown option ${f}`);
      if (positional.length !== 1) throw new UsageError('parse takes exactly one FILE');
      const parsed = await readMinutesFile(positional[0]!);
      if (flags.has('--json')) process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
      else {
        process.stdout.write(`${formatListing(parsed)}\n`);
      }
      for (const w of parsed.warnings) if (flags.has('--json')) process.stderr.write(`warning: ${w}\n`);
      return 0;
    }
    case 'text': {
      for (const f of flags.keys()) throw new UsageError(`unknown option ${f}`);
      if (positional.length !== 1) throw new UsageError('text takes exactly one FILE');
      const doc = await readDocument(positional[0]!);
      // Exactly the text, no newline added: offsets from parse --json index into this output.
      process.stdout.write(doc.text);
      for (const w of doc.warnings) process.stderr.write(`warning: ${w}\n`);
      return 0;
    }
    case 'terms': {
      for (const f of flags.keys()) if (f !== '--json') throw new UsageError(`unknown option ${f}`);
      if (positional.length !== 1) throw new UsageError('terms takes exactly one FILE');
      const file = positional[0]!;
      const text = readTextFile(file);
      const found = createPageMatcher().find(text).map(({ term, match, start, end }) => ({ term, match, start, end }));
      process.stdout.write(
        flags.has('--json')
          ? `${JSON.stringify(found, null, 2)}\n`
          : `${found.map((m) => `${m.start}\t${m.end}\t${m.term}\t${m.match}`).join('\n') || 'no glossary terms in this text'}\n`,
      );
      return 0;
    }
    case 'search': {
      const options = searchOptions(flags);
      if (positional.length !== 1) throw new UsageError('search takes exactly one QUERY (quote it)');
      const index = await loadIndex();
      const hits = index.search(positional[0]!, options);
      process.stdout.write(flags.has('--json') ? `${JSON.stringify(searchRows(hits), null, 2)}\n` : `${formatSearch(hits)}\n`);
      return 0;
    }
    case 'timeline': {
      const options = searchOptions(flags);
      if (flags.has('--limit') || flags.has('--meeting')) throw new UsageError('timeline counts every meeting: it takes no --limit or --meeting');
      if (positional.length !== 1) throw new UsageError('timeline takes exactly one QUERY (quote it)');
      const timeline = (await loadIndex()).timeline(positional[0]!, options);
      process.stdout.write(flags.has('--json') ? `${JSON.stringify(timelineRows(timeline), null, 2)}\n` : `${formatTimeline(timeline)}\n`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`lens: ${e.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (e instanceof MinutesError) {
    process.stderr.write(`lens: ${e.message}\n`);
    process.exitCode = 1;
  } else if (e instanceof IndexFormatError) {
    process.stderr.write(`lens: ${e.message}\n`);
    process.exitCode = 1;
  } else throw e;
}
