/**
 * Runs on every page: marks the security-policy terms it finds and, when the
 * pointer rests on one, shows what the committees said about it. It must stay
 * small and quick: no kuromoji, no index (the background holds that), and a
 * matcher the build compiled (lib/terms/page-terms.generated.ts).
 */
import { createPageMatcher } from '../../lib/terms/page-matcher';
import { BadgeReport, createReader, followSettings } from './controls';
import { answerMessages } from './messages';
import { createHighlighter } from './highlighter';
import { watchHover } from './hover';
import { watchKeys } from './keys';
import { isNotice } from './notice';
import { MarkStore } from './marks';
import { watchPage } from './page-watcher';
import { Popover } from './popover/popover';
import { Scanner } from './scanner';
import { ShadowRoots } from './shadows';
import { isTinyFrame } from './site';
import { Stats } from './stats';
import { TextMatcher } from './text-matcher';
import { whenVisible } from './visible';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Frames too: an embedded document is part of what the reader reads. Each
  // frame runs its own copy (marks, popover inside the frame); about:blank and
  // srcdoc frames, written by the page itself, included.
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    if (isTinyFrame()) return;
    // Nothing at all for a page no one sees yet (a background tab): it starts when shown.
    whenVisible(ctx, () => {
      const stats = new Stats();
      const shadows = new ShadowRoots();
      const reader = createReader();
      const highlighter = createHighlighter();
      const badge = new BadgeReport(() => ({ count: marks.size, on: reader.on }));
      const marks = new MarkStore(highlighter, () => badge.schedule());
      const texts = new TextMatcher(createPageMatcher());
      const alive = () => ctx.isValid && reader.on;
      const scanner = new Scanner(texts, marks, alive, () => highlighter.ensureInstalled(), stats, shadows);
      const popover = new Popover(() => ({ count: reader.settings.popoverCount, theme: reader.settings.theme }), stats);

      answerMessages(ctx, () => ({
        on: reader.on,
        marked: marks.all().map(({ termId, term, text }) => ({ termId, term, text })),
        scans: scanner.scans,
        busy: scanner.busy,
        ...stats.snapshot(),
      }));
      watchPage(ctx, { marks, scanner, texts, isOurs: (node) => popover.isOurs(node) || isNotice(node), isOn: () => reader.on, shadows });
      watchHover(ctx, { texts, popover, restMs: () => reader.settings.hoverDelayMs, isOn: () => reader.on });
      watchKeys(ctx, popover);
      stats.setUpDone();
      // The first scan starts once the settings are read (this site may be switched off).
      followSettings(ctx, reader, { marks, scanner, popover, badge });

      ctx.onInvalidated(() => {
        popover.dispose();
        marks.clear();
        highlighter.dispose();
      });
    });
  },
});
