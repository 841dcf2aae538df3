/**
 * The opened source of a citation: its report's title, its section path, and the passage
 * with the span the answer cites marked.
 */
import { citedText, markRanges } from "./cite-text.js";
import { h, nextId } from "./dom.js";
import type { Strings } from "./i18n.js";
import { icon } from "./icons.js";
import type { Answer, Citation } from "./types.js";

/**
 * What the answer says on citation `c`'s word: the text its markers back and, in a table
 * answer, the cells of the row it proves, quoted (a cell holds the report's own words, so
 * the passage marks them exactly).
 */
function citedFor(answer: Answer, c: Citation): string {
  const text = citedText(answer.answer, c.n);
  const row = answer.table?.rows.find((r) => r.n === c.n);
  return row ? [text, ...row.cells.map((cell) => `“${cell}”`)].join(" ") : text;
}

/** The passage of citation `c`, with what the answer takes from it marked. */
function markedPassage(answer: Answer, c: Citation): HTMLElement {
  const passage = h("p", { class: "passage" });
  let at = 0;
  for (const [s, e] of markRanges(c.text, citedFor(answer, c))) {
    if (s > at) passage.append(c.text.slice(at, s));
    passage.append(h("mark", {}, c.text.slice(s, e)));
    at = e;
  }
  if (at < c.text.length) passage.append(c.text.slice(at));
  return passage;
}

/** The card of citation `c`: number, report title above the section path, close button, passage. */
function sourceCard(answer: Answer, c: Citation, t: Strings, id: string): HTMLElement {
  const path = c.section.join(" › ") || c.doc;
  return h(
    "div",
    {
      class: "source",
      id,
      "data-part": "source",
      "data-n": String(c.n),
      "data-id": c.id,
      "data-doc": c.doc,
      role: "region",
      "aria-label": `${t.source} ${c.n}`,
    },
    h(
      "div",
      { class: "source-head" },
      h("span", { class: "num" }, String(c.n)),
      h(
        "div",
        { class: "where" },
        h("span", { class: "report", "data-part": "report" }, c.title || c.doc),
        h("span", { class: "path", "data-part": "path" }, path),
      ),
      h(
        "button",
        {
          type: "button",
          class: "icon-btn",
          "data-action": "close-source",
          "aria-label": t.closeSource,
          title: t.closeSource,
        },
        icon("close"),
      ),
    ),
    markedPassage(answer, c),
  );
}

/**
 * Opens citation `n` of the answer in message `msg`, or closes it if it is the one open
 * (`undefined` closes); every [n] button of the message says whether its source is open.
 */
export function toggleSource(
  msg: HTMLElement,
  answer: Answer | undefined,
  n: number | undefined,
  t: Strings,
): void {
  const current = msg.querySelector<HTMLElement>("[data-part=source]");
  const wasOpen = current ? Number(current.getAttribute("data-n")) : undefined;
  current?.remove();
  const show = n !== wasOpen ? n : undefined;
  const c = answer?.citations.find((x) => x.n === show);
  const id = nextId("src");
  for (const b of msg.querySelectorAll("button[data-n]")) {
    const on = c !== undefined && Number(b.getAttribute("data-n")) === c.n;
    b.setAttribute("aria-expanded", String(on));
    if (on) b.setAttribute("aria-controls", id);
  }
  if (!answer || !c) return;
  const card = sourceCard(answer, c, t, id);
  msg.append(card);
  card.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
}
