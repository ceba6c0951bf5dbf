/** A minutes file that cannot be read; the message names the file and, where it applies, the line. */
export class MinutesError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${reason}`);
    this.name = 'MinutesError';
  }
}

/** Prefix a warning with where it applies. */
export function warnAt(file: string, line: number | null, message: string): string {
  return `${file}${line === null ? '' : `:${line}`}: ${message}`;
}
