import { describe, expect, it } from 'vitest';
import { FrameMarks } from '../../lib/background/frame-marks';

describe('a tab\'s marks by frame', () => {
  it('sums every frame\'s count, each frame counted once however often it reports', () => {
    const marks = new FrameMarks();
    expect(marks.report(7, 0, { count: 2, on: true })).toEqual({ count: 2, on: true });
    expect(marks.report(7, 3, { count: 4, on: true })).toEqual({ count: 6, on: true });
    expect(marks.report(7, 3, { count: 1, on: true })).toEqual({ count: 3, on: true });
    expect(marks.report(8, 0, { count: 5, on: true })).toEqual({ count: 5, on: true }); // another tab apart
  });

  it('takes on/off from the top frame once it has reported, else from the frame that did', () => {
    const marks = new FrameMarks();
    expect(marks.report(1, 2, { count: 0, on: false })).toEqual({ count: 0, on: false });
    expect(marks.report(1, 0, { count: 3, on: true })).toEqual({ count: 3, on: true });
    expect(marks.report(1, 2, { count: 1, on: false })).toEqual({ count: 4, on: true });
  });

  it('forgets a tab\'s frames when it loads a new page', () => {
    const marks = new FrameMarks();
    marks.report(1, 0, { count: 3, on: true });
    marks.report(1, 5, { count: 2, on: true });
    marks.forget(1);
    expect(marks.report(1, 0, { count: 1, on: true })).toEqual({ count: 1, on: true });
  });
});
