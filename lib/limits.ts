/**
 * Limits and budgets, in one place, each with its reason.
 */

/** Characters of context on each side of a snippet's anchor: two lines of a popover. */
export const SNIPPET_CONTEXT = 60;

/** Results a search returns unless asked otherwise: a screenful in the side panel. */
export const DEFAULT_SEARCH_LIMIT = 20;

/** Remarks a popover shows for a term (the terms issue asks for up to 5). */
export const RELATED_LIMIT = 5;

/**
 * Share of a query's characters (kana particles aside) that the index's
 * vocabulary must cover. Below it the query is about something the minutes do
 * not discuss, and we answer nothing rather than noise.
 */
export const MIN_QUERY_COVERAGE = 0.6;
