/**
 * Reading and setting the search app (the side panel, the sidebar and
 * search.html share it) from inside its window. Each function takes the app's
 * window, so it runs on a tab's page (`(fn)(window)`) and on Firefox's sidebar
 * page, which the tests reach as a window object (see ../firefox/browser-ui.ts).
 * They must stay self-contained: they are sent to the browser as source text.
 */

export interface SearchAppView {
  /** The search box's text. */
  value: string;
  /** The app is waiting for the answer to what it was last asked. */
  busy: boolean;
  /** The count line (「… 件」), or null. */
  count: string | null;
  /** The "nothing found" line, or null. */
  status: string | null;
  hits: { id: string; date: string | null; text: string; marks: string[]; yours: boolean; selected: boolean }[];
  /** What has the focus in the app: the box, a hit (its remark id), or another element's tag. */
  focus: string | null;
}

export function readSearchApp(w: Window): SearchAppView {
  const doc = w.document;
  const box = doc.querySelector<HTMLInputElement>('input[type="search"]');
  const active = doc.activeElement;
  return {
    value: box?.value ?? '',
    busy: doc.querySelector('main')?.getAttribute('aria-busy') === 'true',
    count: doc.querySelector('.count')?.textContent ?? null,
    status: doc.querySelector('.status')?.textContent ?? null,
    hits: [...doc.querySelectorAll('.hits [data-remark-id]')].map((item) => ({
      id: item.getAttribute('data-remark-id')!,
      date: item.querySelector('time')?.getAttribute('datetime') ?? null,
      text: item.textContent ?? '',
      marks: [...item.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      yours: item.querySelector('.yours') !== null,
      selected: item.getAttribute('aria-selected') === 'true',
    })),
    focus: !active || active === doc.body ? null : active === box ? 'box' : (active.getAttribute('data-remark-id') ?? active.localName),
  };
}

/**
 * Sets the filter labelled `label` (a select or a date field) as a reader's
 * choice does: the value, then the input and change events (what Playwright's
 * selectOption and fill do).
 */
export function setSearchField(w: Window, field: { label: string; value: string }): void {
  const label = [...w.document.querySelectorAll('label')].find((l) => l.querySelector('span')?.textContent === field.label);
  const control = label?.querySelector<HTMLInputElement | HTMLSelectElement>('select, input');
  if (!control) throw new Error(`no field labelled ${field.label}`);
  control.focus();
  control.value = field.value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Clicks the button named `name` in the app. */
export function clickSearchButton(w: Window, name: string): void {
  const button = [...w.document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`no button ${name}`);
  button.click();
}

/** The options of the filter labelled `label`, as shown (「後藤 (6)」). */
export function searchFieldOptions(w: Window, label: string): string[] {
  const field = [...w.document.querySelectorAll('label')].find((l) => l.querySelector('span')?.textContent === label);
  return [...(field?.querySelectorAll('option') ?? [])].map((o) => o.textContent ?? '');
}
