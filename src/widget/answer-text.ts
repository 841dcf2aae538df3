/** Answer text with its [n] markers as citation buttons (plain badges while it streams). */
import { splitAnswer } from "./cite-text.js";
import { h } from "./dom.js";
import type { Strings } from "./i18n.js";
import type { Citation } from "./types.js";

/** What stays on the line of a badge: the word before it and the punctuation after it. */
const GLUE_BEFORE = /(?:[A-Za-z0-9][\w.,%$¥€-]*|\S)\s*$/;
const GLUE_AFTER = /^[。，、；：！？.,;:!?）)」』”’]+/;

/** Where a citation comes from, said briefly: its report's title and its last heading. */
function citationLabel(c: Citation | undefined): string {
  if (!c) return "";
  const leaf = c.section[c.section.length - 1] ?? "";
  return [c.title, leaf].filter(Boolean).join(", ") || c.doc;
}

/**
 * The [n] of citation `c`: a button that opens its source when `live`, a plain badge while
 * the answer is still coming (its sources are not final until then).
 */
export function citeBadge(n: number, c: Citation | undefined, live: boolean, t: Strings) {
  if (!live) return h("span", { class: "cite" }, String(n));
  return h(
    "button",
    {
      type: "button",
      class: "cite",
      "data-part": "citation",
      "data-n": String(n),
      "aria-expanded": "false",
      "aria-label": `${t.source} ${n}: ${citationLabel(c)}`,
    },
    String(n),
  );
}

/**
 * Fills `target` with the answer text, each marker that names a known citation as a badge
 * kept on one line with the word before it; a marker naming no citation stays text.
 */
export function fillAnswer(
  target: HTMLElement,
  text: string,
  citations: Citation[],
  live: boolean,
  t: Strings,
): void {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const nodes: Node[] = [];
  const parts = splitAnswer(text);
  parts.forEach((part, i) => {
    if ("text" in part) {
      if (part.text) nodes.push(document.createTextNode(part.text));
      return;
    }
    if (!part.cite.every((n) => byN.has(n))) {
      nodes.push(document.createTextNode(part.raw));
      return;
    }
    const prev = nodes[nodes.length - 1];
    let group: HTMLElement;
    if (prev instanceof HTMLElement && prev.className === "nowrap") group = prev;
    else {
      group = h("span", { class: "nowrap" });
      const glue = prev instanceof Text ? prev.data.match(GLUE_BEFORE)?.[0] : undefined;
      if (prev instanceof Text && glue) group.append(prev.splitText(prev.length - glue.length));
      nodes.push(group);
    }
    for (const n of part.cite) group.append(citeBadge(n, byN.get(n), live, t));
    const next = parts[i + 1];
    const after = next && "text" in next ? next.text.match(GLUE_AFTER)?.[0] : undefined;
    if (next && "text" in next && after) {
      group.append(after);
      next.text = next.text.slice(after.length);
    }
  });
  target.replaceChildren(...nodes);
}
