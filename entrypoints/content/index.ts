/**
 * Runs on every page: marks the security-policy terms it finds and, when the
 * pointer rests on one, shows what the committees said about it. It must stay
 * small: no Preact, no kuromoji, no index (the background holds that).
 */
import { createPageMatcher } from '../../lib/terms/page-matcher';
import { answerMessages } from './messages';
import { createHighlighter } from './highlighter';
import { watchHover } from './hover';
import { watchKeys } from './keys';
import { MarkStore } from './marks';
import { watchPage } from './page-watcher';
import { Popover } from './popover/popover';
import { Scanner } from './scanner';
import { Stats } from './stats';
import { TextMatcher } from './text-matcher';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const stats = new Stats();
    const highlighter = createHighlighter();
    const marks = new MarkStore(highlighter);
    const texts = new TextMatcher(createPageMatcher());
    const scanner = new Scanner(texts, marks, () => ctx.isValid, () => highlighter.ensureInstalled(), stats);
    const popover = new Popover(stats);

    answerMessages(ctx, () => ({
      marked: marks.all().map(({ termId, term, text }) => ({ termId, term, text })),
      scans: scanner.scans,
      busy: scanner.busy,
      ...stats.snapshot(),
    }));
    watchPage(ctx, { marks, scanner, texts, isOurs: (node) => popover.isOurs(node) });
    watchHover(ctx, marks, popover);
    watchKeys(ctx, popover);
    if (document.body) void scanner.scan([document.body]);

    ctx.onInvalidated(() => {
      popover.dispose();
      marks.clear();
      highlighter.dispose();
    });
  },
});
