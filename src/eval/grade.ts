import type { Draft } from "../answer/types.js";
import type { Doc, Passage } from "../ingest/types.js";
import { type Figure, findFigures, sameFigure } from "../text/numbers.js";
import { gradedKind, type UserQuestion } from "./user-set.js";

/** How one answer fared: right or not, and why not (for the tuning part's misses). */
export type Grade = { right: boolean; why?: string; rightReport?: boolean };

const fold = (s: string) => s.normalize("NFKC");
const figureOf = (s: string): Figure | undefined => findFigures(fold(s))[0];
const states = (text: string, f: Figure) => findFigures(fold(text)).some((g) => sameFigure(g, f));

/** Where an evidence string sits, in the documents allowed to hold it. */
export function locate(docs: Doc[], evidence: string, allowed?: string[]) {
  const out: { doc: string; start: number; end: number }[] = [];
  for (const d of docs) {
    if (allowed && !allowed.includes(d.doc)) continue;
    const i = d.text.indexOf(evidence);
    if (i >= 0) out.push({ doc: d.doc, start: i, end: i + evidence.length });
  }
  return out;
}

export const overlaps = (
  p: Pick<Passage, "doc" | "start" | "end">,
  e: { doc: string; start: number; end: number },
) => p.doc === e.doc && p.start < e.end && e.start < p.end;

const YES = /^\s*(?:yes\b|是的|是。|对|有的|确实|达到了|完成了|超过了)/i;
const NO = /^\s*(?:no\b|不是|不|没有|否|未|并未|并没有)/i;

/** The first sentence of an answer: where a verdict or a comparison's winner belongs. */
const firstSentence = (text: string) => text.split(/(?<=[。！？!?\n])|(?<=\.)\s/)[0] ?? text;

/**
 * The expected lines of a question over several reports that an answer gets right: its
 * report cited and its figure stated in the answer text (in either notation).
 */
export function crossRows(
  q: UserQuestion,
  text: string,
  citations: { doc: string }[],
): { ok: number; rows: NonNullable<UserQuestion["rows"]> } {
  const rows = q.rows ?? [];
  const ok = rows.filter((r) => {
    const f = figureOf(r.figure);
    return citations.some((c) => c.doc === r.doc) && f !== undefined && states(text, f);
  }).length;
  return { ok, rows };
}

/**
 * Grade an answer strictly by the question's kind: the figure stated in the answer text (in
 * either notation), the facts of an open question in the answer text itself (not merely in
 * a citation), the verdict first, every figure of a comparison with the winner in the first
 * sentence, one line per report for a table, and an honest refusal when the report cannot
 * answer. Answerable questions must also cite a passage that holds the evidence.
 */
export function gradeAnswer(q: UserQuestion, a: Draft, docs: Doc[]): Grade {
  const kind = gradedKind(q);
  const rightReport = a.citations.length
    ? a.citations.every((c) => !q.docs || q.docs.includes(c.doc))
    : undefined;
  if (!q.answerable || kind === "unanswerable")
    return a.grounded ? { right: false, why: "answered" } : { right: true };
  if (!a.grounded) return { right: false, why: "refused", rightReport };
  const text = a.answer;
  if (kind === "about") {
    const missing = (q.mentions ?? []).filter((m) => !fold(text).includes(fold(m)));
    return missing.length
      ? { right: false, why: `lacks ${missing.join(", ")}`, rightReport }
      : { right: true, rightReport };
  }
  if (kind === "cross") {
    const { ok, rows } = crossRows(q, text, a.citations);
    return ok >= 0.9 * rows.length
      ? { right: true, rightReport }
      : { right: false, why: `${ok}/${rows.length} rows`, rightReport };
  }
  const where = q.evidence.flatMap((e) => locate(docs, e, q.docs));
  const cites = a.citations.some((c) => where.some((w) => overlaps(c, w)));
  if (!cites) return { right: false, why: "cites other passages", rightReport };
  if (kind === "figure" || kind === "rank") {
    const f = q.figure ? figureOf(q.figure) : undefined;
    if (f && !states(text, f)) return { right: false, why: `no ${q.figure}`, rightReport };
    return { right: true, rightReport };
  }
  if (kind === "open" || kind === "list" || kind === "problems") {
    const facts = q.facts ?? [];
    const found = facts.filter(
      (x) =>
        fold(text).includes(fold(x)) ||
        (figureOf(x) && /^[\d.％%]+$/.test(x) && states(text, figureOf(x) as Figure)),
    );
    return found.length * 2 >= facts.length
      ? { right: true, rightReport }
      : { right: false, why: `${found.length}/${facts.length} facts`, rightReport };
  }
  if (kind === "yesno") {
    const ok = q.verdict === "yes" ? YES.test(text) && !NO.test(text) : NO.test(text);
    return ok
      ? { right: true, rightReport }
      : { right: false, why: `verdict not ${q.verdict}`, rightReport };
  }
  if (kind === "compare") {
    const all = (q.figures ?? []).map(figureOf).filter((f): f is Figure => f !== undefined);
    if (!all.every((f) => states(text, f)))
      return { right: false, why: "lacks a figure", rightReport };
    const w = q.winner ? figureOf(q.winner) : undefined;
    if (w && !states(firstSentence(text), w))
      return { right: false, why: "winner not first", rightReport };
    return { right: true, rightReport };
  }
  return { right: true, rightReport };
}
