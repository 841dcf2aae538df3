#!/usr/bin/env node
// Checks the many-report question set (tests/eval/reports/questions.json) against the
// reports' own text: the schema of each kind, unique ids, known document ids, and every
// evidence, fact and figure an exact substring of one paragraph of the report it names.
//
//   node tests/eval/check-reports.mjs               check; exits 1 and lists every problem
//   node tests/eval/check-reports.mjs FILE          check another question file instead
//   node tests/eval/check-reports.mjs --dump DIR    also write each report, one paragraph a
//                                                   line, to DIR/<doc id>.txt (for reading)
//
// Plain Node ESM; the reports are read by read-reports.mjs (mammoth, TextDecoder).

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readReports } from "./read-reports.mjs";

const here = dirname(fileURLToPath(import.meta.url));
/** What the set must hold (the task's floor, not its target). */
const MIN = {
  questions: 220,
  englishShare: [0.45, 0.55],
  reports: 14,
  provinces: 8,
  nationalYears: 6,
  fiveYearReviews: ["2013年国务院政府工作报告", "2018年国务院政府工作报告"],
};
/** Lengths in characters: evidence quotes a clause; a fact is a short phrase. */
const EVIDENCE_LEN = [6, 120];
const FACT_LEN = [4, 20];
const FACTS_PER_QUESTION = [3, 6];

const KINDS = [
  "figure",
  "rank",
  "open",
  "list",
  "yesno",
  "compare",
  "problems",
  "about",
  "followup",
  "unanswerable",
  "cross",
];
const COMMON = ["id", "lang", "kind", "question", "answerable", "docs", "evidence", "note"];
/** Fields each kind may carry besides the common ones, and which of them it must. */
const BY_KIND = {
  figure: { may: ["figure"], must: ["figure"] },
  rank: { may: ["figure"], must: ["figure"] },
  open: { may: ["facts"], must: ["facts"] },
  list: { may: ["facts"], must: ["facts"] },
  problems: { may: ["facts"], must: ["facts"] },
  yesno: { may: ["verdict", "figures"], must: ["verdict"] },
  compare: { may: ["figures", "winner"], must: ["figures", "winner"] },
  about: { may: ["mentions"], must: ["mentions"] },
  unanswerable: { may: [], must: ["note"] },
  cross: { may: ["rows"], must: ["rows"] },
  followup: {
    may: ["asks", "history", "figure", "facts", "verdict", "figures", "winner", "mentions", "rows"],
    must: ["asks", "history"],
  },
};

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const INDENT = /^[\s\u3000\u00a0]|[\s\u3000\u00a0]$/;

// ---- checks ------------------------------------------------------------------------------

const errors = [];
const fail = (id, msg) => errors.push(`${id}: ${msg}`);

const isStringArray = (v) => Array.isArray(v) && v.every((s) => typeof s === "string" && s);
const charLength = (s) => [...s].length;

/** The docs (of those named) with one paragraph holding `s`. */
function docsHolding(reports, docs, s) {
  return docs.filter((d) => reports.get(d)?.paragraphs.some((p) => p.includes(s)));
}

function checkQuoted(reports, q, what, s, [min, max], docs = q.docs ?? []) {
  if (typeof s !== "string" || !s) return fail(q.id, `${what} must be a non-empty string`);
  if (INDENT.test(s)) fail(q.id, `${what} starts or ends with white space: "${s}"`);
  const len = charLength(s);
  if (len < min || len > max) fail(q.id, `${what} is ${len} characters, not ${min}-${max}: "${s}"`);
  if (docsHolding(reports, docs, s).length === 0)
    fail(q.id, `${what} is not inside one paragraph of ${docs.join(", ") || "(no docs)"}: "${s}"`);
}

function checkFields(q) {
  const spec = BY_KIND[q.kind];
  const allowed = new Set([...COMMON, ...spec.may]);
  for (const k of Object.keys(q))
    if (!allowed.has(k)) fail(q.id, `field ${k} not used by ${q.kind}`);
  for (const k of spec.must) if (!(k in q)) fail(q.id, `${q.kind} needs ${k}`);
  for (const k of ["id", "lang", "kind", "question", "answerable", "evidence"])
    if (!(k in q)) fail(q.id, `missing ${k}`);
}

function checkQuestion(reports, q) {
  checkFields(q);
  if (q.lang !== "zh" && q.lang !== "en") fail(q.id, `lang must be zh or en, not ${q.lang}`);
  if (typeof q.question !== "string" || !q.question.trim()) fail(q.id, "empty question");
  else if (q.lang === "en" && HAN.test(q.question))
    fail(q.id, "English question has Chinese characters");
  else if (q.lang === "zh" && !HAN.test(q.question)) fail(q.id, "Chinese question has no Chinese");
  if (typeof q.answerable !== "boolean") fail(q.id, "answerable must be true or false");
  const refuses = q.kind === "unanswerable" || (q.kind === "followup" && q.asks === "unanswerable");
  if (q.answerable === refuses)
    fail(q.id, `answerable ${q.answerable} does not fit kind ${q.kind}`);
  if ("note" in q && (typeof q.note !== "string" || !q.note.trim())) fail(q.id, "empty note");

  if ("docs" in q) {
    if (!isStringArray(q.docs) || q.docs.length === 0) fail(q.id, "docs must list document ids");
    else {
      for (const d of q.docs) if (!reports.has(d)) fail(q.id, `unknown document id "${d}"`);
      if (new Set(q.docs).size !== q.docs.length) fail(q.id, "docs repeats an id");
    }
  } else if (!refuses) fail(q.id, "an answerable question needs docs");
  const docs = isStringArray(q.docs) ? q.docs.filter((d) => reports.has(d)) : [];

  if (!Array.isArray(q.evidence)) return fail(q.id, "evidence must be an array");
  if (refuses) {
    if (q.evidence.length) fail(q.id, "an unanswerable question must have evidence []");
    return;
  }
  if (q.evidence.length === 0) fail(q.id, "an answerable question needs evidence");
  for (const e of q.evidence) checkQuoted(reports, q, "evidence", e, EVIDENCE_LEN, docs);

  const kind = q.kind === "followup" ? q.asks : q.kind;
  if (q.kind === "followup") checkHistory(q);
  const inEvidence = (f) => q.evidence.some((e) => typeof e === "string" && e.includes(f));
  if (kind === "figure" || kind === "rank") {
    if (typeof q.figure !== "string" || !q.figure) fail(q.id, "figure must be a non-empty string");
    else if (!inEvidence(q.figure)) fail(q.id, `figure ${q.figure} is in none of the evidence`);
  }
  if (kind === "open" || kind === "list" || kind === "problems") {
    const [min, max] = FACTS_PER_QUESTION;
    if (!isStringArray(q.facts) || q.facts.length < min || q.facts.length > max)
      fail(q.id, `facts must be ${min}-${max} strings`);
    else {
      for (const f of q.facts) checkQuoted(reports, q, "fact", f, FACT_LEN, docs);
      if (new Set(q.facts).size !== q.facts.length) fail(q.id, "facts repeat");
    }
  }
  if (kind === "yesno" && q.verdict !== "yes" && q.verdict !== "no")
    fail(q.id, "verdict must be yes or no");
  if (kind === "compare" || (kind === "yesno" && "figures" in q)) {
    // A compare of two items that tie states one figure; otherwise each item's.
    const least = kind === "compare" ? 1 : 2;
    if (!isStringArray(q.figures) || q.figures.length < least)
      fail(q.id, `figures must be ${least} or more strings`);
    else for (const f of q.figures) if (!inEvidence(f)) fail(q.id, `figure ${f} is in no evidence`);
  }
  if (kind === "compare" && !(isStringArray(q.figures) && q.figures.includes(q.winner)))
    fail(q.id, `winner ${q.winner} is not one of the figures`);
  if (kind === "about" && !isStringArray(q.mentions)) fail(q.id, "mentions must be strings");
  if (kind === "cross") checkRows(reports, q, docs);
}

function checkHistory(q) {
  const ok =
    Array.isArray(q.history) &&
    q.history.length > 0 &&
    q.history.every((t) => (t.role === "user" || t.role === "assistant") && t.content);
  if (!ok) fail(q.id, "history must be user/assistant turns with content");
  if (!KINDS.includes(q.asks) || q.asks === "followup") fail(q.id, `bad asks ${q.asks}`);
}

/** Cross: one row per report, evidence[i] is row i's clause, in row i's report, holding its figure. */
function checkRows(reports, q, docs) {
  if (!Array.isArray(q.rows) || q.rows.length < 2) return fail(q.id, "rows must be 2 or more");
  if (q.evidence.length !== q.rows.length)
    fail(q.id, `${q.rows.length} rows but ${q.evidence.length} evidence (one each, in order)`);
  const seen = new Set();
  for (const [i, row] of q.rows.entries()) {
    if (typeof row?.doc !== "string" || typeof row?.figure !== "string" || !row.figure) {
      fail(q.id, `row ${i + 1} needs doc and figure`);
      continue;
    }
    if (!docs.includes(row.doc)) fail(q.id, `row ${i + 1}: ${row.doc} is not in docs`);
    if (seen.has(row.doc)) fail(q.id, `row ${i + 1}: ${row.doc} has two rows`);
    seen.add(row.doc);
    const e = q.evidence[i];
    if (typeof e !== "string") continue;
    if (!e.includes(row.figure)) fail(q.id, `row ${i + 1}: figure ${row.figure} not in "${e}"`);
    if (docsHolding(reports, [row.doc], e).length === 0)
      fail(q.id, `row ${i + 1}: evidence not in ${row.doc}: "${e}"`);
  }
  for (const d of docs) if (!seen.has(d)) fail(q.id, `${d} is in docs but has no row`);
}

// ---- counts ------------------------------------------------------------------------------

function familyOf(reports, q) {
  const families = new Set((q.docs ?? []).map((d) => reports.get(d)?.family).filter(Boolean));
  if (families.size === 0) return "absent";
  return families.size === 1 ? [...families][0] : "mixed";
}

function tally(rows) {
  const out = {};
  for (const key of rows) out[key] = (out[key] ?? 0) + 1;
  return out;
}

function checkCoverage(reports, questions) {
  const en = questions.filter((q) => q.lang === "en").length / (questions.length || 1);
  if (questions.length < MIN.questions)
    fail("set", `${questions.length} questions < ${MIN.questions}`);
  if (en < MIN.englishShare[0] || en > MIN.englishShare[1])
    fail("set", `English share ${en.toFixed(2)} outside ${MIN.englishShare.join("-")}`);
  const used = new Set(
    questions
      .filter((q) => q.answerable && Array.isArray(q.docs))
      .flatMap((q) => q.docs)
      .filter((d) => reports.has(d)),
  );
  const of = (family) => [...used].filter((d) => reports.get(d)?.family === family);
  if (used.size < MIN.reports) fail("set", `answerable questions cover ${used.size} reports`);
  if (of("provinces").length < MIN.provinces) fail("set", `${of("provinces").length} provinces`);
  if (of("national").length < MIN.nationalYears) fail("set", `${of("national").length} years`);
  if (!MIN.fiveYearReviews.some((d) => used.has(d))) fail("set", "no report with a 5-year review");
  return used;
}

// ---- main --------------------------------------------------------------------------------

const args = process.argv.slice(2);
const dumpAt = args.indexOf("--dump");
const dumpDir = dumpAt === -1 ? undefined : args[dumpAt + 1];
const files = dumpAt === -1 ? args : [...args.slice(0, dumpAt), ...args.slice(dumpAt + 2)];
if ((dumpAt !== -1 && !dumpDir) || files.length > 1) {
  console.error("usage: node tests/eval/check-reports.mjs [FILE] [--dump DIR]");
  process.exit(2);
}
const questionsPath = files[0] ?? join(here, "reports", "questions.json");

const reports = await readReports();
if (dumpDir) {
  mkdirSync(dumpDir, { recursive: true });
  for (const [id, r] of reports)
    writeFileSync(join(dumpDir, `${id}.txt`), `${r.paragraphs.join("\n")}\n`);
  console.log(`wrote ${reports.size} reports to ${dumpDir}`);
}

const questions = JSON.parse(readFileSync(questionsPath, "utf8"));
if (!Array.isArray(questions)) {
  console.error("questions.json must be an array");
  process.exit(1);
}
const ids = new Set();
for (const q of questions) {
  if (typeof q?.id !== "string" || !q.id) {
    fail(JSON.stringify(q).slice(0, 60), "missing id");
    continue;
  }
  if (ids.has(q.id)) fail(q.id, "duplicate id");
  ids.add(q.id);
  if (!KINDS.includes(q.kind)) fail(q.id, `unknown kind ${q.kind}`);
  else checkQuestion(reports, q);
}
const used = checkCoverage(reports, questions);

console.log(`questions: ${questions.length}`);
const byLang = (key) => {
  const rows = {};
  for (const q of questions) {
    const k = key(q);
    rows[k] ??= { zh: 0, en: 0, all: 0 };
    rows[k][q.lang] = (rows[k][q.lang] ?? 0) + 1;
    rows[k].all += 1;
  }
  return rows;
};
console.log("by kind:");
console.table(byLang((q) => q.kind));
console.log("by report family (absent: places or years not in the corpus):");
console.table(byLang((q) => familyOf(reports, q)));
console.log("by id prefix:");
console.table(byLang((q) => q.id.replace(/-(zh|en)-\d+$/, "")));
console.log(`reports answered from: ${used.size}`);
for (const [family, n] of Object.entries(tally([...used].map((d) => reports.get(d).family))))
  console.log(`  ${family}: ${n}`);
if (errors.length) {
  for (const e of errors) console.error(`error ${e}`);
  console.error(`${errors.length} problem(s)`);
  process.exit(1);
}
console.log("ok");
