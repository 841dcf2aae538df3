#!/usr/bin/env node
// Checks the hand-made table of main targets (tests/eval/reports/targets.json) against the
// reports themselves: every row's document exists, its quote is exact text of one paragraph
// of that report, and the quote holds the row's indicator, figure and qualifier.
//
//   node tests/eval/check-targets.mjs [targets.json]
//
// Reads the reports as they are stored: the provincial .docx with mammoth (paragraphs are
// separated by blank lines), the national .txt as GB18030 (one paragraph per line), and the
// corpus through the project's own ingest (the normalized text the service serves).
// Exits 1 and lists every problem when a check fails.

import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { tsImport } from "tsx/esm/api";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const REPORTS = join(root, "tests", "fixtures", "reports");
const CORPUS = join(root, "corpus");
const rowsPath = process.argv[2] ?? join(here, "reports", "targets.json");
const rows = JSON.parse(readFileSync(rowsPath, "utf8"));

const FIELDS = [
  "doc",
  "key",
  "indicator",
  "value",
  "unit",
  "qualifier",
  "measure",
  "direction",
  "quote",
  "year",
];
/** The direction each measure allows: a percentage change has one, a level or count has none. */
const DIRECTIONS = {
  growth: ["up"],
  change: ["up", "down"],
  level: [null],
  rate: [null],
  share: [null],
  count: [null],
};
/** A figure: a number, a range of two ("6.5-7", written 6.5%－7% or 5.0%—5.5%), or a grade (Ⅱ). */
const VALUE = /^(\d+(\.\d+)?(-\d+(\.\d+)?)?|[ⅠⅡⅢⅣⅤ])$/;
const RANGE_DASH = "[-－—–~～至到]";
/** A targets paragraph says so (预期目标, 主要目标); a quote from elsewhere is a result or a task. */
const TARGETS_PARAGRAPH = /预期目标|主要目标/;

// ---- the reports, as paragraphs --------------------------------------------------------------

const trimIndent = (p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
const paragraphs = (text, separator) => text.split(separator).map(trimIndent).filter(Boolean);

async function loadReports() {
  const docs = new Map();
  const provinces = join(REPORTS, "provinces-2025");
  const docx = readdirSync(provinces).filter((n) => n.endsWith(".docx"));
  for (const name of docx.sort()) {
    const { value } = await mammoth.extractRawText({ path: join(provinces, name) });
    docs.set(basename(name, ".docx"), paragraphs(value, /\n\s*\n/));
  }
  const national = join(REPORTS, "national-2003-2018");
  const gb18030 = new TextDecoder("gb18030");
  const txt = readdirSync(national).filter((n) => n.endsWith(".txt"));
  for (const name of txt.sort()) {
    const text = gb18030.decode(readFileSync(join(national, name)));
    docs.set(basename(name, extname(name)), paragraphs(text, /\r?\n/));
  }
  const ingest = await tsImport("../../src/ingest/ingest-file.ts", import.meta.url);
  for (const d of (await ingest.ingestCorpus(CORPUS)).docs) {
    docs.set(d.doc, paragraphs(d.text, /\n\n/));
  }
  return docs;
}

// ---- checks -------------------------------------------------------------------------------------

/** Full-width ASCII forms (７, ％, ．, －) as their ASCII twins: values and units are stored so. */
const foldWidth = (s) =>
  s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the quote writes the figure: "5.5%" as 5.5% or 5.5％, a range with either end's unit. */
function quoteHasFigure(quote, value, unit) {
  const q = foldWidth(quote);
  const [lo, hi] = value.split("-");
  if (hi === undefined) return q.includes(`${value}${unit}`);
  const u = escapeRe(unit);
  return new RegExp(`${escapeRe(lo)}(${u})?${RANGE_DASH}${escapeRe(hi)}${u}`).test(q);
}

const count = (hay, needle) => hay.split(needle).length - 1;

function checkRow(row, i, docs, fail) {
  const id = `row ${i + 1} (${row.doc ?? "?"} ${row.key ?? "?"} ${row.value ?? "?"})`;
  for (const k of FIELDS) if (!(k in row)) fail(id, `missing field ${k}`);
  for (const k of Object.keys(row)) if (!FIELDS.includes(k)) fail(id, `unexpected field ${k}`);
  for (const k of FIELDS.filter((f) => f !== "direction" && f !== "year")) {
    if (typeof row[k] !== "string") return fail(id, `${k} must be a string`);
  }
  for (const k of ["doc", "key", "indicator", "value", "measure", "quote"]) {
    if (!row[k]) fail(id, `empty ${k}`);
  }
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(row.key)) fail(id, `key not snake_case: ${row.key}`);
  if (!VALUE.test(row.value)) fail(id, `value not a plain figure: ${row.value}`);
  if (row.unit !== foldWidth(row.unit)) fail(id, `unit has full-width forms: ${row.unit}`);
  const allowed = DIRECTIONS[row.measure];
  if (!allowed) fail(id, `unknown measure ${row.measure}`);
  else if (!allowed.includes(row.direction))
    fail(id, `direction ${row.direction} does not fit measure ${row.measure}`);

  const paras = docs.get(row.doc);
  if (!paras) return fail(id, `no such document: ${row.doc}`);
  const docYear = Number(/(\d{4})/.exec(row.doc)?.[1]);
  if (row.year !== docYear) fail(id, `year ${row.year}, but the report is for ${docYear}`);

  const holding = paras.filter((p) => p.includes(row.quote));
  if (!holding.length) return fail(id, `quote not in any paragraph of the report: ${row.quote}`);
  if (!holding.some((p) => TARGETS_PARAGRAPH.test(p)))
    fail(id, `quote is not in a targets paragraph (预期目标, 主要目标): ${row.quote}`);
  // The quote is where the figure is: it must occur once, or its offset is ambiguous.
  const times = paras.reduce((n, p) => n + count(p, row.quote), 0);
  if (times > 1) fail(id, `quote occurs ${times} times in the report: ${row.quote}`);
  if (!row.quote.includes(row.indicator))
    fail(id, `indicator "${row.indicator}" not in quote: ${row.quote}`);
  if (!quoteHasFigure(row.quote, row.value, row.unit))
    fail(id, `figure ${row.value}${row.unit} not in quote: ${row.quote}`);
  if (row.qualifier && !row.quote.includes(row.qualifier))
    fail(id, `qualifier ${row.qualifier} not in quote: ${row.quote}`);
}

// ---- run ----------------------------------------------------------------------------------------

const docs = await loadReports();
const errors = [];
const fail = (id, msg) => errors.push(`${id}: ${msg}`);

if (!Array.isArray(rows)) {
  console.error(`error ${rowsPath}: must be an array of rows`);
  process.exit(1);
}
for (const [i, row] of rows.entries()) checkRow(row, i, docs, fail);

const seen = new Set();
for (const [i, r] of rows.entries()) {
  const sig = [r.doc, r.key, r.value, r.qualifier, r.measure].join("|");
  if (seen.has(sig)) fail(`row ${i + 1}`, `duplicate row ${sig}`);
  seen.add(sig);
}

const perDoc = new Map([...docs.keys()].map((d) => [d, 0]));
for (const r of rows) if (perDoc.has(r.doc)) perDoc.set(r.doc, perDoc.get(r.doc) + 1);
// A report that states targets has rows; an excerpt without its targets paragraph has none.
for (const [d, n] of perDoc) {
  if (n === 0 && docs.get(d).some((p) => TARGETS_PARAGRAPH.test(p)))
    fail(d, "report states targets but has no rows");
}

console.log(`${rows.length} rows over ${perDoc.size} reports`);
for (const [d, n] of perDoc) console.log(`  ${String(n).padStart(3)}  ${d}`);
if (errors.length) {
  for (const e of errors) console.error(`error ${e}`);
  console.error(`${errors.length} problem(s)`);
  process.exit(1);
}
console.log("ok");
