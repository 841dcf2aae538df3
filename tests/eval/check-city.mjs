#!/usr/bin/env node
// Checks the Chengdu question set (tests/eval/city/questions.json) against the report's
// normalized text, the text the service serves and cites:
//
//   npx tsx -e 'import("./src/ingest/ingest-file.ts").then(async m=>{const r=await m.ingestCorpus("corpus");console.log(r.docs[0].text)})' > /tmp/chengdu.txt
//   node tests/eval/check-city.mjs /tmp/chengdu.txt [questions.json]
//
// Plain Node ESM, no dependencies. Prints the counts per kind and language; exits 1 and
// lists every problem when a check fails.

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [textPath, setPath = join(here, "city", "questions.json")] = process.argv.slice(2);
if (!textPath) {
  console.error("usage: node tests/eval/check-city.mjs <report-normalized.txt> [questions.json]");
  process.exit(2);
}
const text = readFileSync(textPath, "utf8");
const questions = JSON.parse(readFileSync(setPath, "utf8"));

/** What the set must hold and how long its strings may be. */
const LIMITS = {
  /** At least this many questions in all. */
  minQuestions: 300,
  /** Neither language may hold more than this share of the set. */
  maxLanguageShare: 0.55,
  /** Characters of an evidence string: long enough to be unique, short enough to sit in one clause. */
  evidence: [6, 80],
  /** Characters of a fact: a district name (青羊区) up to a short clause. */
  fact: [3, 20],
  /** How many facts an open, list or problems question lists. */
  facts: [3, 6],
  /**
   * A Chinese question sharing this many consecutive characters with the report copies its
   * phrasing instead of asking in a user's words (names such as 国家高新技术企业 are 8).
   */
  copiedRun: 10,
};
const DOCS = new Set(["chengdu-2024-government-work-report"]);
const COMMON = ["id", "lang", "kind", "question", "answerable", "evidence", "note"];
/**
 * The expectation fields each kind (a follow-up's `asks`) must carry, besides COMMON; every
 * answerable kind also names its `docs`. "cross" (one line per report) has no place in a
 * one-report set.
 */
const REQUIRED = {
  figure: ["figure"],
  rank: ["figure"],
  open: ["facts"],
  list: ["facts"],
  problems: ["facts"],
  yesno: ["verdict"],
  compare: ["figures", "winner"],
  about: ["mentions"],
  unanswerable: ["note"],
};
const KINDS = new Set([...Object.keys(REQUIRED), "followup"]);

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const errors = [];
const fail = (id, msg) => errors.push(`${id}: ${msg}`);

function occurrences(hay, needle) {
  const out = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The paragraph (line) of the text each character offset belongs to. */
const paragraphStarts = [0, ...occurrences(text, "\n").map((i) => i + 1)];
function paragraphOf(offset) {
  let lo = 0;
  let hi = paragraphStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Longest run of characters the question shares with the report. */
function longestSharedRun(question) {
  let best = "";
  for (let i = 0; i < question.length; i++) {
    for (let j = i + best.length + 1; j <= question.length; j++) {
      const run = question.slice(i, j);
      if (!text.includes(run)) break;
      best = run;
    }
  }
  return best;
}

const isString = (v) => typeof v === "string" && v.length > 0;
const isStringArray = (v) => Array.isArray(v) && v.every(isString);

function checkHistory(q) {
  const h = q.history;
  if (!Array.isArray(h) || h.length < 2 || h.length % 2 !== 0) {
    return fail(q.id, "history must hold user/assistant pairs");
  }
  h.forEach((turn, i) => {
    const role = i % 2 === 0 ? "user" : "assistant";
    if (turn?.role !== role || !isString(turn.content)) {
      fail(q.id, `history[${i}] must be a ${role} turn`);
    } else if (role === "assistant" && !/\[\d+\]/.test(turn.content)) {
      fail(q.id, `history[${i}]: an assistant answer cites with [n] markers`);
    }
  });
}

function checkEvidence(q) {
  if (!isStringArray(q.evidence)) return fail(q.id, "evidence must be an array of strings");
  const [min, max] = LIMITS.evidence;
  for (const e of q.evidence) {
    const n = occurrences(text, e).length;
    if (n === 0) fail(q.id, `evidence not in the text: ${e}`);
    else if (n > 1) fail(q.id, `evidence occurs ${n} times, make it unique: ${e}`);
    if (e.length < min || e.length > max) fail(q.id, `evidence length ${e.length}: ${e}`);
  }
}

const inEvidence = (q, s) => q.evidence.some((e) => e.includes(s));

function checkFacts(q) {
  const [min, max] = LIMITS.facts;
  if (!isStringArray(q.facts) || q.facts.length < min || q.facts.length > max) {
    return fail(q.id, `facts must be ${min}-${max} strings`);
  }
  if (new Set(q.facts).size !== q.facts.length) fail(q.id, "facts repeat");
  const cited = new Set(q.evidence.flatMap((e) => occurrences(text, e).map(paragraphOf)));
  const [shortest, longest] = LIMITS.fact;
  for (const f of q.facts) {
    const at = occurrences(text, f);
    if (at.length === 0) fail(q.id, `fact not in the text: ${f}`);
    else if (!at.some((i) => cited.has(paragraphOf(i)))) {
      fail(q.id, `fact outside the evidence's paragraphs: ${f}`);
    }
    if (f.length < shortest || f.length > longest) fail(q.id, `fact length ${f.length}: ${f}`);
  }
}

function checkExpectation(q, kind) {
  const extra = kind === "unanswerable" ? [] : ["docs", ...REQUIRED[kind]];
  const allowed = new Set([...COMMON, ...extra, "asks", "history"]);
  for (const key of Object.keys(q)) {
    if (!allowed.has(key)) fail(q.id, `${kind} has no field ${key}`);
  }
  for (const key of REQUIRED[kind]) if (q[key] === undefined) fail(q.id, `${kind} needs ${key}`);
  if (q.note !== undefined && !isString(q.note)) fail(q.id, "note must be a string");
  checkEvidence(q);
  if (kind === "unanswerable") {
    if (q.answerable !== false) fail(q.id, "unanswerable needs answerable: false");
    if (q.evidence.length > 0) fail(q.id, "unanswerable needs evidence: []");
    return;
  }
  if (q.answerable !== true) fail(q.id, "answerable questions need answerable: true");
  if (q.evidence.length === 0) fail(q.id, "answerable questions need evidence");
  if (!isStringArray(q.docs) || !q.docs.every((d) => DOCS.has(d))) fail(q.id, "docs: unknown");
  if (kind === "figure" || kind === "rank") {
    if (!isString(q.figure)) return fail(q.id, "figure must be a string");
    if (!inEvidence(q, q.figure)) fail(q.id, `figure ${q.figure} not in any evidence`);
    if (q.question.includes(q.figure) && q.kind !== "followup") {
      fail(q.id, `the question gives its own answer ${q.figure}`);
    }
  }
  if (kind === "open" || kind === "list" || kind === "problems") checkFacts(q);
  if (kind === "yesno" && q.verdict !== "yes" && q.verdict !== "no") fail(q.id, "verdict: yes|no");
  if (kind === "compare") {
    if (!isStringArray(q.figures) || q.figures.length < 2) return fail(q.id, "figures: 2 or more");
    for (const f of q.figures) if (!inEvidence(q, f)) fail(q.id, `figure ${f} not in any evidence`);
    if (!q.figures.includes(q.winner)) fail(q.id, `winner ${q.winner} is not one of figures`);
  }
  if (kind === "about" && !isStringArray(q.mentions)) fail(q.id, "mentions: strings");
}

const ids = new Set();
const asked = new Set();
const counts = new Map();
const count = (key) => counts.set(key, (counts.get(key) ?? 0) + 1);
if (!Array.isArray(questions)) {
  console.error("the question set must be a JSON array");
  process.exit(1);
}
for (const q of questions) {
  const id = q?.id ?? "(no id)";
  if (!/^city-(zh|en)-\d{3}$/.test(id)) fail(id, "id must look like city-zh-001");
  if (ids.has(id)) fail(id, "duplicate id");
  ids.add(id);
  if (q.lang !== "zh" && q.lang !== "en") fail(id, "lang: zh|en");
  else if (!id.startsWith(`city-${q.lang}-`)) fail(id, `id does not match lang ${q.lang}`);
  if (!KINDS.has(q.kind)) {
    fail(id, `unknown kind ${q.kind}`);
    continue;
  }
  if (!isString(q.question)) {
    fail(id, "question must be a string");
    continue;
  }
  // A follow-up's fragment ("那2023年呢？") may recur after a different earlier turn.
  const earlier = Array.isArray(q.history) ? JSON.stringify(q.history[0]) : "";
  const key = earlier + q.question.toLowerCase().replace(/[\s?？!！。.,，]/g, "");
  if (asked.has(key)) fail(id, "the same question is asked twice");
  asked.add(key);
  if (q.lang === "zh" && !HAN.test(q.question)) fail(id, "a zh question has no Chinese characters");
  if (q.lang === "en" && HAN.test(q.question)) fail(id, "an en question has Chinese characters");
  if (q.lang === "zh") {
    const run = longestSharedRun(q.question);
    if (run.length >= LIMITS.copiedRun) fail(id, `the question copies the report: ${run}`);
  }
  let kind = q.kind;
  if (kind === "followup") {
    if (!KINDS.has(q.asks) || q.asks === "followup") fail(id, `asks: a kind, not ${q.asks}`);
    checkHistory(q);
    kind = q.asks;
  } else if (q.asks !== undefined || q.history !== undefined) {
    fail(id, "only follow-ups have asks and history");
  }
  if (!REQUIRED[kind]) continue;
  checkExpectation(q, kind);
  count(`${q.kind}\t${q.lang}`);
}

// ---- the set as a whole ----------------------------------------------------------------------

const byLang = { en: 0, zh: 0 };
for (const q of questions) if (q.lang in byLang) byLang[q.lang]++;
if (questions.length < LIMITS.minQuestions) {
  fail("set", `${questions.length} questions, fewer than ${LIMITS.minQuestions}`);
}
for (const [lang, n] of Object.entries(byLang)) {
  if (n / questions.length > LIMITS.maxLanguageShare) fail("set", `${lang} holds ${n} questions`);
}
const kinds = [...new Set(questions.map((q) => q.kind))].filter((k) => KINDS.has(k));
for (const kind of kinds) {
  for (const lang of ["en", "zh"]) {
    if (!counts.has(`${kind}\t${lang}`)) fail("set", `no ${lang} question of kind ${kind}`);
  }
}

const tally = (pick) => {
  const out = {};
  for (const q of questions) {
    const key = pick(q);
    if (key !== undefined) out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};
const planAt = text.indexOf("2024年工作安排建议");
/** Which part of the report a question's evidence lies in. */
const part = (q) => {
  const at = q.evidence.flatMap((e) => occurrences(text, e));
  if (at.length === 0) return "none";
  return at.every((i) => i > planAt) ? "plan" : at.every((i) => i < planAt) ? "review" : "both";
};

console.log("kind\ten\tzh\tall");
for (const kind of kinds) {
  const en = counts.get(`${kind}\ten`) ?? 0;
  const zh = counts.get(`${kind}\tzh`) ?? 0;
  console.log(`${kind}\t${en}\t${zh}\t${en + zh}`);
}
console.log(`all\t${byLang.en}\t${byLang.zh}\t${questions.length}`);
console.log(`answerable: ${JSON.stringify(tally((q) => q.answerable))}`);
console.log(`follow-ups ask: ${JSON.stringify(tally((q) => q.asks))}`);
console.log(`verdicts: ${JSON.stringify(tally((q) => q.verdict))}`);
console.log(`evidence in: ${JSON.stringify(tally(part))}`);

if (errors.length > 0) {
  console.error(`\n${errors.length} problem(s):\n${errors.join("\n")}`);
  process.exit(1);
}
console.log("ok");
