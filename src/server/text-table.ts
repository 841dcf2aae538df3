import type { Table } from "../answer/types.js";
import { tableLead } from "../api-contract.js";

/** Characters a monospaced screen shows two cells wide: Chinese, kana, Hangul, full-width forms. */
const WIDE =
  /[\p{Script=Han}\u2E80-\u2FDF\u3000-\u30FF\u3100-\u31FF\uAC00-\uD7A3\uFF01-\uFF60\uFFE0-\uFFE6]/u;

/** How wide a text shows in a monospaced font. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, width: number) => text + " ".repeat(width - displayWidth(text));

/**
 * A table answer for a screen without markup: the answer's own lines that are not rows (a
 * verdict, the heading), then the columns and one line per report, every column but the
 * last padded to its widest cell, the row's [n] at its end (none on a row
 * of a report without the figure).
 */
export function textTable(answer: string, table: Table): string {
  if (table.rows.length === 0) return answer;
  const lead = tableLead(answer, table.rows);
  const lines = [table.columns, ...table.rows.map((r) => r.cells)];
  const widths = table.columns.map((_, i) =>
    Math.max(...lines.map((cells) => displayWidth(cells[i] ?? ""))),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i < cells.length - 1 ? pad(cell, widths[i] ?? 0) : cell))
      .join("  ")
      .trimEnd();
  const body = table.rows.map((r) => (r.n > 0 ? `${render(r.cells)} [${r.n}]` : render(r.cells)));
  return [...lead, render(table.columns), ...body].join("\n");
}
