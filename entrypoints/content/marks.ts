/**
 * The terms marked on the page: where each one is drawn (a live Range in a
 * text node), so that a re-rendered paragraph can take its mark over instead
 * of losing it. What the pointer rests on is read from the page itself
 * (hit-test.ts), not from here: every occurrence answers, marked or not.
 */
import type { TermMatch } from '../../lib/terms/matcher';
import type { Highlighter } from './highlighter';
import { MAX_MARKS_PER_PAGE } from '../../lib/limits';

export interface Mark {
  readonly termId: string;
  /** The canonical form: what the popover looks up. */
  readonly term: string;
  /** The term as the page writes it. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The whole text of the node when it was marked: a copy of it rendered later takes the mark over. */
  readonly nodeText: string;
  node: Text;
  range: Range;
}

/** Finds a text node, newly added to the page, that reads exactly `text`; null when there is none. */
export type FindReplacement = (text: string) => Text | null;

export class MarkStore {
  private readonly byNode = new Map<Text, Mark[]>();
  /** Marks per term: one in 'first' mode, any number in 'all' mode (MAX_MARKS_PER_PAGE in all). */
  private readonly byTerm = new Map<string, Mark[]>();
  private count = 0;
  /**
   * By default only a term's first occurrence is marked: a page full of one
   * word would be noise. A reader may ask for every one (the settings).
   */
  every = false;

  constructor(
    private readonly highlighter: Highlighter,
    /** Called after marks were added or dropped (many times in a scan slice: coalesce). */
    private readonly onChange: () => void = () => {},
  ) {}

  wants(termId: string): boolean {
    return this.count < MAX_MARKS_PER_PAGE && (this.every || !this.byTerm.has(termId));
  }

  /** Whether `match` in `node` would be marked now: the term is wanted and that very text is not marked yet. */
  wouldAdd(node: Text, match: TermMatch): boolean {
    return this.wants(match.termId) && !this.in(node).some((m) => m.start === match.start && m.end === match.end);
  }

  add(node: Text, match: TermMatch): void {
    // A rescan reads marked text again: in 'all' mode, the same place must not be marked twice.
    if (!this.wouldAdd(node, match)) return;
    const mark: Mark = {
      termId: match.termId,
      term: match.term,
      text: match.match,
      start: match.start,
      end: match.end,
      nodeText: node.data,
      node,
      range: rangeIn(node, match.start, match.end),
    };
    const list = this.byTerm.get(mark.termId);
    if (list) list.push(mark);
    else this.byTerm.set(mark.termId, [mark]);
    this.count++;
    this.attach(mark);
    this.onChange();
  }

  /** The marks in one text node (a handful at most). */
  in(node: Node): readonly Mark[] {
    return this.byNode.get(node as Text) ?? [];
  }

  all(): Mark[] {
    return [...this.byTerm.values()].flat();
  }

  /** Marks on the page (every occurrence counts in 'all' mode). */
  get size(): number {
    return this.count;
  }

  /**
   * After the page changed: a mark whose range the change broke is put back
   * where it was if its node still reads the same, moved to a new node that
   * reads the same (a framework that re-renders a paragraph replaces its text
   * node), or else dropped, so its term may be marked in the next text scanned.
   */
  repair(find: FindReplacement): void {
    let dropped = false;
    for (const [node, marks] of [...this.byNode]) {
      const broken = marks.filter((m) => !isIntact(m));
      if (broken.length === 0) continue;
      const nodeText = broken[0]!.nodeText;
      const target = node.isConnected && node.data === nodeText ? node : find(nodeText);
      for (const mark of broken) {
        this.detach(mark);
        if (target) {
          mark.node = target;
          mark.range = rangeIn(target, mark.start, mark.end);
          this.attach(mark);
        } else {
          this.forget(mark);
          dropped = true;
        }
      }
    }
    if (dropped) this.onChange();
  }

  clear(): void {
    for (const mark of this.all()) this.highlighter.delete(mark.range);
    this.byNode.clear();
    this.byTerm.clear();
    this.count = 0;
    this.onChange();
  }

  private forget(mark: Mark): void {
    const rest = this.byTerm.get(mark.termId)?.filter((m) => m !== mark) ?? [];
    if (rest.length > 0) this.byTerm.set(mark.termId, rest);
    else this.byTerm.delete(mark.termId);
    this.count--;
  }

  private attach(mark: Mark): void {
    const list = this.byNode.get(mark.node);
    if (list) list.push(mark);
    else this.byNode.set(mark.node, [mark]);
    this.highlighter.add(mark.range);
  }

  private detach(mark: Mark): void {
    this.highlighter.delete(mark.range);
    const list = this.byNode.get(mark.node);
    const rest = list?.filter((m) => m !== mark) ?? [];
    if (rest.length > 0) this.byNode.set(mark.node, rest);
    else this.byNode.delete(mark.node);
  }
}

function rangeIn(node: Text, start: number, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  return range;
}

/**
 * A live range follows the DOM: removing its node (or an ancestor, even to
 * re-insert it) collapses it onto the parent, and rewriting the node's text
 * collapses it to 0. So a range that still spans the same text of the same
 * node is intact.
 */
function isIntact(m: Mark): boolean {
  const r = m.range;
  return (
    m.node.isConnected &&
    r.startContainer === m.node && r.startOffset === m.start &&
    r.endContainer === m.node && r.endOffset === m.end &&
    m.node.data.slice(m.start, m.end) === m.text
  );
}
