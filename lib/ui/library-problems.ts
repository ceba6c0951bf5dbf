/** Why the library refused something, said in the reader's language with the specifics. */
import type { LibraryProblem } from '../library/store';
import { t, type MessageKey } from './i18n';

const KEYS: Record<LibraryProblem, MessageKey> = {
  'too-big': 'libraryTooBig',
  'library-full': 'libraryFull',
  duplicate: 'libraryDuplicate',
  quota: 'libraryQuota',
  unreadable: 'libraryUnreadable',
  'not-minutes': 'libraryNotMinutes',
  storage: 'libraryStorage',
};

export const problemText = (problem: LibraryProblem, detail: string): string => t(KEYS[problem], detail);
