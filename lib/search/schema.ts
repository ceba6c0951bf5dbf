/**
 * The one definition of the search index. The builder and every reader import
 * these: MiniSearch can only load an index with the options it was built with,
 * and the asset's format version is checked on load.
 */
import type { Options } from 'minisearch';

export const INDEX_FORMAT = 'minutes-lens-index';
/** Bump when the asset's shape or the analysis changes; old assets are then refused, not misread. */
export const INDEX_VERSION = 3;
/** Where the extension ships the asset, and where the command line reads it. */
export const INDEX_ASSET_PATH = 'data/minutes-index.bin';

/** A document as MiniSearch sees it: the remark's row and its terms, analysed at build time. */
export interface IndexedDoc {
  id: number;
  terms: string;
}

/**
 * Terms are analysed before they reach MiniSearch (kuromoji at build time,
 * the vocabulary segmenter at query time), so MiniSearch only splits on spaces.
 */
export const splitTerms = (text: string): string[] => text.split(' ').filter((t) => t !== '');
const keepTerm = (term: string): string => term;

export const SEARCH_OPTIONS: Options<IndexedDoc> = {
  idField: 'id',
  fields: ['terms'],
  storeFields: [],
  tokenize: splitTerms,
  processTerm: keepTerm,
  searchOptions: { tokenize: splitTerms, processTerm: keepTerm, prefix: false, fuzzy: false, combineWith: 'OR' },
};
