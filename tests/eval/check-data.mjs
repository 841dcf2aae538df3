#!/usr/bin/env node
// Sanity checks for the evaluation data (questions.json, claims.json) against the
// normalized report text that the service serves.
//
//   node tests/eval/check-data.mjs scratch/report-normalized.txt
//
// Plain Node ESM, no dependencies. Exits 1 and lists every problem when a check fails.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const textPath = process.argv[2];
if (!textPath) {
  console.error("usage: node tests/eval/check-data.mjs <report-normalized.txt>");
  process.exit(2);
}
const text = readFileSync(textPath, "utf8");
const questions = JSON.parse(readFileSync(join(here, "questions.json"), "utf8"));
const claims = JSON.parse(readFileSync(join(here, "claims.json"), "utf8"));

const MIN = {
  questions: 100,
  answerablePerLang: 45,
  unanswerablePerLang: 12,
  claims: 60,
  claimsPerLang: 30,
};
const EVIDENCE_LEN = [8, 60];
/** How far (characters) from the evidence a figure may sit and still count as "next to" it. */
const FIGURE_NEAR = 20;

const errors = [];
const warnings = [];
const fail = (id, msg) => errors.push(`${id}: ${msg}`);
const warn = (id, msg) => warnings.push(`${id}: ${msg}`);

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function occurrences(hay, needle) {
  const out = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

// ---- figures -----------------------------------------------------------------------------

const ZH_MAG = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };
const EN_MAG = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const FIGURE =
  /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*(万亿|万|亿)|\s+(thousand|million|billion|trillion)\b)?\s*(%|％|percent\b|per cent\b|st\b|nd\b|rd\b|th\b)?/gi;
const clean = (n) => Number.parseFloat(n.toPrecision(12));

/** Figures in either notation, reduced to "value" or "value%" keys: 1.3万 and 13,000 -> "13000". */
function figureKeys(s) {
  const keys = [];
  for (const m of s.matchAll(FIGURE)) {
    const mag = m[2] ? ZH_MAG[m[2]] : m[3] ? EN_MAG[m[3].toLowerCase()] : 1;
    const value = clean(Number.parseFloat(m[1].replace(/,/g, "")) * mag);
    const percent = /^(%|％|percent|per cent)$/i.test(m[4] ?? "");
    keys.push({ key: `${value}${percent ? "%" : ""}`, value, percent });
  }
  return keys;
}
const isYear = (f) => !f.percent && Number.isInteger(f.value) && f.value >= 1990 && f.value <= 2035;

// ---- report sections (for coverage) -----------------------------------------------------

const PLAN_MARK = "2024年工作安排建议";
const CLOSING_MARK = "各位代表！";
const planAt = text.indexOf(PLAN_MARK);
const sections = [{ at: 0, name: "2023 review （一）" }];
for (const m of text.matchAll(/^（[一二三四五六七八九]）/gm)) {
  const inPlan = planAt !== -1 && m.index > planAt;
  sections.push({ at: m.index, name: `${inPlan ? "2024 plan" : "2023 review"} ${m[0]}` });
}
const closingAt = text.indexOf(CLOSING_MARK);
if (closingAt !== -1) sections.push({ at: closingAt, name: "closing remarks" });
if (planAt !== -1) sections.push({ at: planAt, name: "2024 overview and targets" });
sections.sort((a, b) => a.at - b.at);
const sectionOf = (offset) => {
  let name = sections[0].name;
  for (const s of sections) if (s.at <= offset) name = s.name;
  return name;
};

// ---- ids ---------------------------------------------------------------------------------

const seen = new Set();
for (const item of [...questions, ...claims]) {
  if (typeof item.id !== "string" || !item.id)
    fail(JSON.stringify(item).slice(0, 60), "missing id");
  else if (seen.has(item.id)) fail(item.id, "duplicate id");
  else seen.add(item.id);
}

// ---- evidence ----------------------------------------------------------------------------

function checkEvidence(id, evidence) {
  if (typeof evidence !== "string") return fail(id, "evidence must be a string");
  const at = occurrences(text, evidence);
  if (at.length === 0) fail(id, `evidence not in text: ${evidence}`);
  const len = [...evidence].length;
  if (len < EVIDENCE_LEN[0] || len > EVIDENCE_LEN[1])
    fail(id, `evidence length ${len} outside ${EVIDENCE_LEN.join("-")}: ${evidence}`);
  if (at.length > 1) warn(id, `evidence occurs ${at.length} times: ${evidence}`);
  return at;
}

function checkLang(id, lang, s) {
  if (lang !== "zh" && lang !== "en") return fail(id, `bad lang ${lang}`);
  if (typeof s !== "string" || !s.trim()) return fail(id, "empty text");
  if (lang === "en" && HAN.test(s)) fail(id, `English item contains Chinese characters: ${s}`);
  if (lang === "zh" && !HAN.test(s)) fail(id, `Chinese item has no Chinese characters: ${s}`);
}

// ---- questions ---------------------------------------------------------------------------

const coverage = new Map(); // section -> { zh, en }
for (const q of questions) {
  const { id } = q;
  const keys = ["id", "lang", "question", "answerable", "evidence", "figure"];
  for (const k of keys) if (!(k in q)) fail(id, `missing field ${k}`);
  for (const k of Object.keys(q)) if (!keys.includes(k)) fail(id, `unexpected field ${k}`);
  checkLang(id, q.lang, q.question);
  if (typeof q.answerable !== "boolean") fail(id, "answerable must be boolean");
  if (!q.answerable) {
    if (q.evidence !== null) fail(id, "unanswerable question must have evidence null");
    if (q.figure !== null) fail(id, "unanswerable question must have figure null");
    continue;
  }
  if (q.evidence === null) {
    fail(id, "answerable question needs evidence");
    continue;
  }
  const at = checkEvidence(id, q.evidence) ?? [];
  if (at.length) {
    const sec = sectionOf(at[0]);
    const c = coverage.get(sec) ?? { zh: 0, en: 0 };
    c[q.lang] = (c[q.lang] ?? 0) + 1;
    coverage.set(sec, c);
  }
  if (q.figure !== null) {
    if (typeof q.figure !== "string" || !q.figure)
      fail(id, "figure must be a non-empty string or null");
    else if (!q.evidence.includes(q.figure)) {
      const near = at.some((i) =>
        text
          .slice(Math.max(0, i - FIGURE_NEAR), i + q.evidence.length + FIGURE_NEAR)
          .includes(q.figure),
      );
      if (near) warn(id, `figure ${q.figure} is next to, not inside, the evidence`);
      else fail(id, `figure ${q.figure} not in or next to evidence: ${q.evidence}`);
    }
  }
}

// ---- claims ------------------------------------------------------------------------------

for (const c of claims) {
  const { id } = c;
  const keys = ["id", "lang", "claim", "supported", "evidence"];
  for (const k of keys) if (!(k in c)) fail(id, `missing field ${k}`);
  for (const k of Object.keys(c)) if (!keys.includes(k)) fail(id, `unexpected field ${k}`);
  checkLang(id, c.lang, c.claim);
  if (c.lang === "en" && /[万亿]/.test(c.claim))
    fail(id, "English claim uses Chinese number notation");
  if (typeof c.supported !== "boolean") fail(id, "supported must be boolean");
  if (typeof c.evidence !== "string") {
    fail(id, "claim needs evidence (the passage with the true figure)");
    continue;
  }
  checkEvidence(id, c.evidence);
  // Figures: a supported claim states only figures found in its evidence; a false claim
  // states at least one figure that the evidence does not.
  const ev = new Set(figureKeys(c.evidence).map((f) => f.key));
  const claimed = figureKeys(c.claim).filter((f) => !(isYear(f) && !ev.has(f.key)));
  const missing = claimed.filter((f) => !ev.has(f.key));
  if (c.supported && missing.length)
    fail(
      id,
      `supported claim has figures not in evidence: ${missing.map((f) => f.key).join(", ")}`,
    );
  if (!c.supported && missing.length === 0)
    fail(id, "unsupported claim has no figure that differs from the evidence");
}

// ---- counts ------------------------------------------------------------------------------

const count = (arr, pred) => arr.filter(pred).length;
const qCounts = {};
for (const lang of ["zh", "en"]) {
  qCounts[lang] = {
    answerable: count(questions, (q) => q.lang === lang && q.answerable === true),
    unanswerable: count(questions, (q) => q.lang === lang && q.answerable === false),
    withFigure: count(questions, (q) => q.lang === lang && q.answerable && q.figure !== null),
    withoutFigure: count(questions, (q) => q.lang === lang && q.answerable && q.figure === null),
  };
  if (qCounts[lang].answerable < MIN.answerablePerLang)
    fail("questions", `${lang}: ${qCounts[lang].answerable} answerable < ${MIN.answerablePerLang}`);
  if (qCounts[lang].unanswerable < MIN.unanswerablePerLang)
    fail(
      "questions",
      `${lang}: ${qCounts[lang].unanswerable} unanswerable < ${MIN.unanswerablePerLang}`,
    );
  if (qCounts[lang].withoutFigure < 1)
    fail("questions", `${lang}: no answerable question without a figure`);
}
if (questions.length < MIN.questions) fail("questions", `${questions.length} < ${MIN.questions}`);

const cCounts = {};
for (const lang of ["zh", "en"]) {
  cCounts[lang] = {
    supported: count(claims, (c) => c.lang === lang && c.supported === true),
    unsupported: count(claims, (c) => c.lang === lang && c.supported === false),
  };
  const total = cCounts[lang].supported + cCounts[lang].unsupported;
  if (total < MIN.claimsPerLang) fail("claims", `${lang}: ${total} < ${MIN.claimsPerLang}`);
  const share = total ? cCounts[lang].supported / total : 0;
  if (share < 0.35 || share > 0.65)
    fail("claims", `${lang}: ${Math.round(share * 100)}% supported, want about half`);
}
if (claims.length < MIN.claims) fail("claims", `${claims.length} < ${MIN.claims}`);

// every section of the excerpt gets answerable questions in both languages
for (const s of sections) {
  const c = coverage.get(s.name) ?? { zh: 0, en: 0 };
  for (const lang of ["zh", "en"])
    if (!c[lang]) fail("coverage", `no answerable ${lang} question from ${s.name}`);
}

// ---- report ------------------------------------------------------------------------------

console.log(`questions: ${questions.length}`, qCounts);
console.log(`claims: ${claims.length}`, cCounts);
console.log("answerable questions per section:");
for (const s of sections) {
  const c = coverage.get(s.name) ?? { zh: 0, en: 0 };
  console.log(`  ${s.name.padEnd(28)} zh ${c.zh ?? 0}  en ${c.en ?? 0}`);
}
for (const w of warnings) console.warn(`warning ${w}`);
if (errors.length) {
  for (const e of errors) console.error(`error ${e}`);
  console.error(`${errors.length} problem(s)`);
  process.exit(1);
}
console.log("ok");
