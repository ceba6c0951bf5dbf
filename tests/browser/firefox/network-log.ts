/**
 * Every network request Firefox makes, recorded where they all pass: the
 * parent process's HTTP observer (`http-on-opening-request`). Each channel,
 * whichever process or world asked for it (a page, a frame, a content script,
 * the background page, a worker, the sidebar, Firefox itself), is opened there
 * before anything leaves the machine, and WebSockets open as HTTP upgrades. A
 * request carries who asked for it: its triggering and loading principals
 * (an origin, an add-on, or Firefox's own system principal) and the document
 * it is for. Extension files (moz-extension://) are not network requests and
 * never appear.
 */
import type { FirefoxExtension } from './harness';

export interface Requested {
  url: string;
  /** Origin of the principal that asked ('system' for Firefox itself). */
  triggering: string;
  /** Origin of the principal the load is for ('system', or '' for a top-level document). */
  loading: string;
  /** The add-on whose principal asked, if one did ('' otherwise). */
  addon: string;
  /** The top document of the tab or panel it is for, if any. */
  top: string;
}

interface ChromeServices {
  Services: { obs: { addObserver(o: object, topic: string): void; removeObserver(o: object, topic: string): void } };
  Ci: { nsIHttpChannel: unknown };
  minutesLensRequests?: Requested[];
  minutesLensObserver?: object;
}

type Principal = { isSystemPrincipal: boolean; origin: string; addonId: string } | null;

/** Starts recording (before anything of the test runs). */
export function startNetworkLog(ff: FirefoxExtension): Promise<void> {
  return ff.chrome(() => {
    const g = globalThis as unknown as ChromeServices;
    const requests: Requested[] = (g.minutesLensRequests = []);
    const name = (p: Principal) => {
      if (!p) return '';
      if (p.isSystemPrincipal) return 'system';
      try {
        return p.origin;
      } catch {
        return 'unnamed';
      }
    };
    const observer = {
      observe(subject: { QueryInterface(i: unknown): unknown }) {
        const channel = subject.QueryInterface(g.Ci.nsIHttpChannel) as {
          URI: { spec: string };
          loadInfo: {
            triggeringPrincipal: Principal;
            loadingPrincipal: Principal;
            browsingContext: { top: { currentURI: { spec: string } | null } } | null;
          } | null;
        };
        const info = channel.loadInfo;
        let top = '';
        try {
          top = info?.browsingContext?.top?.currentURI?.spec ?? '';
        } catch {
          // a context being torn down
        }
        requests.push({
          url: channel.URI.spec,
          triggering: name(info?.triggeringPrincipal ?? null),
          loading: name(info?.loadingPrincipal ?? null),
          addon: info?.triggeringPrincipal?.addonId || info?.loadingPrincipal?.addonId || '',
          top,
        });
      },
    };
    g.minutesLensObserver = observer;
    g.Services.obs.addObserver(observer, 'http-on-opening-request');
  });
}

/** What was recorded so far. */
export function networkLog(ff: FirefoxExtension): Promise<Requested[]> {
  return ff.chrome(() => (globalThis as unknown as ChromeServices).minutesLensRequests ?? []);
}
