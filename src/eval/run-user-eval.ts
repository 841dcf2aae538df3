import { retrieveFor } from "../answer/context.js";
import type { Engine } from "../engine.js";
import { readQuestion } from "../question/read-question.js";
import { type Grade, gradeAnswer, locate, overlaps } from "./grade.js";
import { gradedKind, isHeldOut, type UserQuestion } from "./user-set.js";

export type UserRow = {
  q: UserQuestion;
  heldOut: boolean;
  /** rank of the first retrieved passage holding the evidence (0: not in the top 10) */
  rank: number;
  grade: Grade;
  answer: string;
  /** the documents the answer cites */
  cited: string[];
  ms: number;
};

/** Ask every question of a set (with its history) and grade the answers. */
export async function runUserSet(engine: Engine, questions: UserQuestion[]): Promise<UserRow[]> {
  const rows: UserRow[] = [];
  for (const q of questions) {
    const started = performance.now();
    const answer = await engine.asker.ask({ question: q.question, history: q.history });
    const ms = performance.now() - started;
    let rank = 0;
    if (q.answerable && q.evidence.length) {
      const reading = readQuestion(q.question, q.history ?? [], { places: engine.places });
      const { result } = await retrieveFor(reading, engine.context, 10);
      const where = q.evidence.flatMap((e) => locate(engine.index.docs, e, q.docs));
      rank = result.hits.findIndex((h) => where.some((w) => overlaps(h.passage, w))) + 1;
    }
    rows.push({
      q,
      heldOut: isHeldOut(q.id),
      rank,
      grade: gradeAnswer(q, answer, engine.index.docs),
      answer: answer.answer,
      cited: answer.citations.map((c) => c.doc),
      ms,
    });
  }
  return rows;
}

export type Cell = { n: number; right: number };
/** part ("tune" | "held-out" | "all") -> kind -> language -> counts */
export type Summary = Record<string, Record<string, Record<string, Cell>>>;

const add = (s: Summary, part: string, kind: string, lang: string, right: boolean) => {
  s[part] ??= {};
  const byKind = s[part] as Record<string, Record<string, Cell>>;
  byKind[kind] ??= {};
  const byLang = byKind[kind] as Record<string, Cell>;
  byLang[lang] ??= { n: 0, right: 0 };
  const c = byLang[lang] as Cell;
  c.n++;
  if (right) c.right++;
};

/** Answer accuracy per part, kind (and "all") and language (and "all"). */
export function summarize(rows: UserRow[]): Summary {
  const s: Summary = {};
  for (const r of rows) {
    const kind = r.q.answerable ? gradedKind(r.q) : "unanswerable";
    // a follow-up counts under what it asks and under "followup" too
    const kinds = r.q.kind === "followup" ? [kind, "followup", "all"] : [kind, "all"];
    for (const part of ["all", r.heldOut ? "held-out" : "tune"])
      for (const k of kinds) for (const l of [r.q.lang, "all"]) add(s, part, k, l, r.grade.right);
  }
  return s;
}

const pct = (c?: Cell) => (c?.n ? (c.right / c.n).toFixed(2) : "  - ");

/** A table per part: rows are kinds, columns zh / en / all with n. */
export function printSummary(title: string, rows: UserRow[]): string {
  const s = summarize(rows);
  const lines = [title];
  for (const part of ["tune", "held-out"]) {
    const byKind = s[part] ?? {};
    lines.push(`  ${part}:`);
    const kinds = Object.keys(byKind).sort((a, b) =>
      a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b),
    );
    for (const k of kinds) {
      const c = byKind[k] ?? {};
      lines.push(
        `    ${k.padEnd(13)} zh ${pct(c.zh)} (${c.zh?.n ?? 0})  en ${pct(c.en)} (${c.en?.n ?? 0})  all ${pct(c.all)} (${c.all?.n ?? 0})`,
      );
    }
  }
  const answerable = rows.filter((r) => r.q.answerable && r.q.evidence.length);
  const hit = (k: number, set: UserRow[]) =>
    (set.filter((r) => r.rank > 0 && r.rank <= k).length / (set.length || 1)).toFixed(2);
  for (const part of [false, true]) {
    const set = answerable.filter((r) => r.heldOut === part);
    lines.push(
      `  retrieval ${part ? "held-out" : "tune"}: hit@1 ${hit(1, set)}  hit@5 ${hit(5, set)}  (${set.length})`,
    );
  }
  const judged = rows.filter((r) => r.grade.rightReport !== undefined);
  if (judged.length) {
    const right = judged.filter((r) => r.grade.rightReport).length;
    lines.push(
      `  cited from the right report: ${(right / judged.length).toFixed(2)} (${judged.length} answers)`,
    );
  }
  return lines.join("\n");
}

/** The tuning part's misses, for `npm run eval -- --verbose`; the held-out part is never shown. */
export function printMisses(rows: UserRow[]): string {
  return rows
    .filter((r) => !r.heldOut && !r.grade.right)
    .map(
      (r) =>
        `  ✗ ${r.q.id} [${r.grade.why}; rank ${r.rank || "-"}] ${r.q.question}\n      -> ${r.answer.replace(/\n/g, " / ")}`,
    )
    .join("\n");
}
