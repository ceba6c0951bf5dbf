/**
 * The command line: the same lib/ code the extension runs, for scripting and tests.
 *
 *   npm run -s lens -- parse FILE [--json]
 */
import { formatListing } from '../lib/minutes/listing';
import { MinutesError } from '../lib/minutes/errors';
import { readMinutesFile } from './node/minutes-files';

const USAGE = `usage: npm run -s lens -- <command> [options]

commands:
  parse FILE [--json]   parse one minutes text into its meeting and remarks`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const valued = new Set<string>([]);
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

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArgs(rest);
  switch (command) {
    case 'parse': {
      const known = new Set(['--json']);
      for (const f of flags.keys()) if (!known.has(f)) throw new UsageError(`unknown option ${f}`);
      if (positional.length !== 1) throw new UsageError('parse takes exactly one FILE');
      const parsed = readMinutesFile(positional[0]!);
      if (flags.has('--json')) process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
      else {
        process.stdout.write(`${formatListing(parsed)}\n`);
      }
      for (const w of parsed.warnings) if (flags.has('--json')) process.stderr.write(`warning: ${w}\n`);
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
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`lens: ${e.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (e instanceof MinutesError) {
    process.stderr.write(`lens: ${e.message}\n`);
    process.exitCode = 1;
  } else throw e;
}
