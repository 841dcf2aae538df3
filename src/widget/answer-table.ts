import type { AnswerTable } from "./types.js";

/** The lines of a table answer's text before its rows: the verdict and the heading. */
export function tableIntro(answer: string, rows: number): string {
  const lines = answer.trim().split("\n");
  return lines.slice(0, Math.max(0, lines.length - rows)).join("\n");
}

/**
 * A table answer as an HTML table: a header row, then one row per report with its cells
 * and, in the last cell, the badge of the citation that proves it.
 */
export function answerTableElement(
  table: AnswerTable,
  badge: (n: number) => HTMLElement,
  doc: Document = document,
): HTMLElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string) => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const wrap = el("div");
  wrap.className = "table-wrap";
  wrap.setAttribute("data-part", "table");
  const t = el("table");
  const head = el("tr");
  for (const c of table.columns) head.append(el("th", c));
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  for (const r of table.rows) {
    const tr = el("tr");
    r.cells.forEach((c, i) => {
      const td = el("td", c);
      if (i === r.cells.length - 1 && r.n > 0) td.append(" ", badge(r.n));
      tr.append(td);
    });
    tbody.append(tr);
  }
  t.append(thead, tbody);
  wrap.append(t);
  return wrap;
}
