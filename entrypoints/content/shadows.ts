/**
 * The page's open shadow roots that hold text we read. Web components keep
 * their text there, out of reach of a TreeWalker over the document and of its
 * MutationObserver; each root found is handed to whoever must reach into it
 * (the page watcher's observer, the hit test under the pointer). Our
 * highlight's style needs nothing of it: `::highlight()` styles inherit along
 * the flat tree, from the host into its shadow root, so the page's own roots
 * are left as they are.
 */
export class ShadowRoots {
  private readonly roots = new Set<ShadowRoot>();
  private readonly listeners: ((root: ShadowRoot) => void)[] = [];

  /** Called once for every root found from now on, and at once for those already known. */
  onFound(listener: (root: ShadowRoot) => void): void {
    this.listeners.push(listener);
    for (const root of this.roots) listener(root);
  }

  /** Records a root the scan passed; its listeners run only the first time. */
  add(root: ShadowRoot): void {
    if (this.roots.has(root)) return;
    // A page that re-renders its components leaves old roots behind: let them go now and then.
    if (this.roots.size % 64 === 63) this.connected();
    this.roots.add(root);
    for (const listener of this.listeners) listener(root);
  }

  /** The roots still in the page (a removed host's root is dropped here, lazily). */
  connected(): ShadowRoot[] {
    const live: ShadowRoot[] = [];
    for (const root of this.roots) {
      if (root.host.isConnected) live.push(root);
      else this.roots.delete(root);
    }
    return live;
  }
}
