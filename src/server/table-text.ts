import type { Table } from "../answer/types.js";

/** How wide a string shows in a fixed-width font: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const c of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        c,
      )
        ? 2
        : 1;
  return w;
}

const pad = (s: string, width: number) => s + " ".repeat(Math.max(0, width - displayWidth(s)));

/**
 * A table answer as aligned lines for chat apps that render no Markdown: the report, the
 * indicator and the figure in columns, then the line's [n] marker (the report's words go
 * to the footnotes with the citation).
 */
export function alignedTable(table: Table): string {
  const shown = table.rows.map((r) => r.cells.slice(0, 3));
  const widths = [0, 1, 2].map((i) => Math.max(...shown.map((c) => displayWidth(c[i] ?? "")), 0));
  return table.rows
    .map((r, k) => {
      const cells = shown[k] ?? [];
      const line = cells.map((c, i) => pad(c, widths[i] ?? 0)).join("  ");
      return `${line}${r.n > 0 ? `  [${r.n}]` : ""}`.trimEnd();
    })
    .join("\n");
}
