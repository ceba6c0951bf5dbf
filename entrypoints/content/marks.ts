/**
 * The terms marked on the page: where each one is (a live Range in a text
 * node), so the pointer can find the term under it, and so a re-rendered
 * paragraph can take its mark over instead of losing it.
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
  private readonly byTerm = new Map<string, Mark>();

  constructor(private readonly highlighter: Highlighter) {}

  /** Only a term's first occurrence on the page is marked: a page full of one word would be noise. */
  wants(termId: string): boolean {
    return !this.byTerm.has(termId) && this.byTerm.size < MAX_MARKS_PER_PAGE;
  }

  add(node: Text, match: TermMatch): void {
    if (!this.wants(match.termId)) return;
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
    this.byTerm.set(mark.termId, mark);
    this.attach(mark);
  }

  /** The marks in one text node (a handful at most). */
  in(node: Node): readonly Mark[] {
    return this.byNode.get(node as Text) ?? [];
  }

  /** Whether `element` directly holds a marked text node: the pointer's target, before a costly hit test. */
  holds(element: Node): boolean {
    for (const node of this.byNode.keys()) if (node.parentNode === element) return true;
    return false;
  }

  all(): Mark[] {
    return [...this.byTerm.values()];
  }

  get size(): number {
    return this.byTerm.size;
  }

  /**
   * After the page changed: a mark whose range the change broke is put back
   * where it was if its node still reads the same, moved to a new node that
   * reads the same (a framework that re-renders a paragraph replaces its text
   * node), or else dropped, so its term may be marked in the next text scanned.
   */
  repair(find: FindReplacement): void {
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
          this.byTerm.delete(mark.termId);
        }
      }
    }
  }

  clear(): void {
    for (const mark of this.byTerm.values()) this.highlighter.delete(mark.range);
    this.byNode.clear();
    this.byTerm.clear();
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
