import type { FigureRowJson } from "./figure-json.js";

/** The columns of GET /api/figures as CSV, in order: the JSON fields of a row. */
const CSV_COLUMNS: (keyof FigureRowJson)[] = [
  "id",
  "doc",
  "place",
  "year",
  "kind",
  "main",
  "indicator",
  "key",
  "en",
  "value",
  "high",
  "unit",
  "scaled",
  "measure",
  "qualifier",
  "direction",
  "figure",
  "start",
  "end",
  "indicatorStart",
  "indicatorEnd",
  "passage",
  "link",
  "section",
  "part",
];

/** One field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
function field(v: unknown): string {
  const s =
    v === undefined || v === null ? "" : Array.isArray(v) ? v.join(" › ") : String(v as string);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV with a header row; CRLF line ends, as RFC 4180 has them. */
export function figuresCsv(rows: FigureRowJson[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => field(r[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
