/**
 * The reader's settings, applied to this page as they change, without a
 * reload: switching the site off takes every mark and the popover away and
 * stops scanning; switching it on scans again; the popover options apply to
 * the next popover. The number of marks goes to the toolbar badge.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULTS, siteEnabled, type Settings } from '../../lib/settings/settings';
import { loadSettings, onSettingsChanged } from '../../lib/settings/store';
import { call } from '../../lib/ui/client';
import { BADGE_REPORT_DELAY_MS } from '../../lib/limits';
import type { MarkStore } from './marks';
import type { Popover } from './popover/popover';
import type { Scanner } from './scanner';
import { siteHostname } from './site';

/** What the rest of the content script reads: the settings in force, and whether this site is marked. */
export interface Reader {
  settings: Settings;
  on: boolean;
}

/** Off until the settings are read: a site the reader switched off is never marked, not even for a moment. */
export const createReader = (): Reader => ({ settings: { ...DEFAULTS }, on: false });

export interface ControlledParts {
  marks: MarkStore;
  scanner: Scanner;
  popover: Popover;
  badge: BadgeReport;
}

export function followSettings(ctx: ContentScriptContext, reader: Reader, { marks, scanner, popover, badge }: ControlledParts): void {
  let changed = false;
  const apply = (settings: Settings) => {
    if (!ctx.isValid) return;
    const on = siteEnabled(settings, siteHostname());
    const every = settings.occurrences === 'all';
    const wasOn = reader.on;
    reader.settings = settings;
    reader.on = on;
    const reset = !on || every !== marks.every;
    if (reset) {
      // Off, or marked by the other rule: start from nothing (the popover's mark may be among those dropped).
      scanner.stop();
      popover.close();
      marks.clear();
    }
    marks.every = every;
    if (on && (!wasOn || reset) && document.body) void scanner.scan([document.body]);
    badge.schedule();
  };
  const stop = onSettingsChanged((settings) => {
    changed = true;
    apply(settings);
  });
  ctx.onInvalidated(stop);
  // A change seen before the first read finished is newer than what the read returns.
  void loadSettings().then((settings) => changed || apply(settings));
}

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** Tells the background the page's count for the badge, once per change, however many marks a scan slice adds. */
export class BadgeReport {
  private sent: string | null = null;
  private queued = false;

  constructor(private readonly state: () => { count: number; on: boolean }) {}

  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    // Later, not at once: a scan adds marks in every slice, and one message
    // for all of them costs the page less than one per slice.
    setTimeout(() => {
      this.queued = false;
      const state = this.state();
      const key = `${state.on}:${state.count}`;
      if (key === this.sent) return;
      this.sent = key;
      void call(send, 'lens/marks', state).then((reply) => {
        // Not delivered (the worker was starting, the extension reloading): say it again at the next change.
        if (!reply.ok && this.sent === key) this.sent = null;
      });
    }, BADGE_REPORT_DELAY_MS);
  }
}
