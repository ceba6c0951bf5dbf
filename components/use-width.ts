import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * The width of an element, followed as it changes (a side panel dragged wider,
 * a window narrowed), so an SVG is drawn at its real size rather than scaled.
 * `initial` is used until the element is first measured. The ref is a
 * callback: an element that appears later (a chart once there are dates) is
 * measured too.
 */
export function useWidth<T extends HTMLElement>(initial: number) {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    if (!el) return;
    const measure = () => {
      const w = Math.round(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return [setEl, width] as const;
}
