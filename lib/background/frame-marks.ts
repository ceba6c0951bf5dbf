/**
 * A tab's marks, frame by frame: each frame's content script reports its own
 * count, and the toolbar badge shows their sum. Whether marking is on is the
 * top frame's word (every frame follows the top page's site; before the top
 * frame has spoken, the frame that reported says it).
 */
export interface FrameReport {
  count: number;
  on: boolean;
}

export class FrameMarks {
  private readonly tabs = new Map<number, Map<number, FrameReport>>();

  /** Records one frame's report (frame 0 is the top one); returns the tab's total. */
  report(tabId: number, frameId: number, report: FrameReport): FrameReport {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    frames.set(frameId, report);
    let count = 0;
    for (const frame of frames.values()) count += frame.count;
    return { count, on: frames.get(0)?.on ?? report.on };
  }

  /** The tab loads a new page (its old frames are gone), or was closed. */
  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }
}
