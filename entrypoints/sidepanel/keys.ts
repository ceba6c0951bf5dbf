/** `/` takes the reader to the search box, as on many sites, unless they are typing somewhere. */
export function slashFocuses(box: () => HTMLInputElement | null): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTyping(e.target)) return;
    const el = box();
    if (!el) return;
    e.preventDefault(); // the slash is a command here, not text
    el.focus();
    el.select();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}
