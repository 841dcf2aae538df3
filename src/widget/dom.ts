/** Building DOM nodes without markup strings. */

export type Attrs = Record<string, string | undefined>;
export type Child = Node | string | null | undefined | false;

/** `<tag attrs…>children</tag>`; an undefined attribute is left out, a falsy child skipped. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

let uid = 0;

/** An id no other element of the page has: `rqa-panel-3`. */
export const nextId = (prefix: string) => `rqa-${prefix}-${++uid}`;
