/** A table answer: one row per report, the row's [n] button in its last cell. */
import { tableLead } from "../api-contract.js";
import { citeBadge, fillAnswer } from "./answer-text.js";
import { h } from "./dom.js";
import type { Strings } from "./i18n.js";
import type { Answer, Table } from "./types.js";

/** Does this answer come with rows to show as a table? */
export const hasTable = (a: Answer): a is Answer & { table: Table } =>
  !!a.table && a.table.rows.length > 0 && a.table.columns.length > 0;

/**
 * The table of an answer: a caption for screen readers, the columns as headers, each
 * report's row headed by its first cell (the report's title on hover), and the row's
 * citation button after its last cell's words. A row whose [n] names no citation of the
 * answer has no button.
 */
function answerTable(answer: Answer & { table: Table }, t: Strings): HTMLElement {
  const { columns, rows } = answer.table;
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  const head = h("tr", {});
  for (const col of columns) head.append(h("th", { scope: "col" }, col));
  const body = h("tbody", {});
  for (const row of rows) {
    const tr = h("tr", { "data-doc": row.doc });
    columns.forEach((_, i) => {
      const text = row.cells[i] ?? "";
      const cell = i === 0 ? h("th", { scope: "row", title: row.title }, text) : h("td", {}, text);
      if (i === columns.length - 1 && byN.has(row.n)) {
        cell.append(" ", citeBadge(row.n, byN.get(row.n), true, t));
      }
      tr.append(cell);
    });
    body.append(tr);
  }
  return h(
    "table",
    { class: "answer-table", "data-part": "table" },
    h("caption", { class: "sr-only" }, t.byReport),
    h("thead", {}, head),
    body,
  );
}

/** Fills an answer's bubble: its lines that are not rows, then the table of its rows. */
export function fillTableAnswer(
  bubble: HTMLElement,
  answer: Answer & { table: Table },
  t: Strings,
): void {
  const lead = tableLead(answer.answer, answer.table.rows).join("\n");
  const text = h("div", { class: "lead" });
  fillAnswer(text, lead, answer.citations, true, t);
  bubble.replaceChildren(...(lead ? [text] : []), answerTable(answer, t));
}
