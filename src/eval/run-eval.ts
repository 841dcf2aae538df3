import { checkClaim } from "../answer/check-claim.js";
import type { Engine } from "../engine.js";
import type { Passage } from "../ingest/types.js";
import { findFigures, sameFigure } from "../text/numbers.js";
import { type EvalQuestion, readEvalData } from "./eval-data.js";

type Row = { q: EvalQuestion; rank: number; grounded: boolean; correct: boolean; answer: string };

/** Where the evidence sits in its document, so passages can be checked by overlap. */
function locate(
  engine: Engine,
  evidence: string,
): { doc: string; start: number; end: number } | undefined {
  for (const d of engine.index.docs) {
    const i = d.text.indexOf(evidence);
    if (i >= 0) return { doc: d.doc, start: i, end: i + evidence.length };
  }
  return undefined;
}

const overlaps = (
  p: Pick<Passage, "doc" | "start" | "end">,
  e: { doc: string; start: number; end: number },
) => p.doc === e.doc && p.start < e.end && e.start < p.end;

const pct = (n: number, d: number) => (d ? (n / d).toFixed(3) : "-");

/**
 * Retrieval hit@1/hit@5/MRR per language, answer accuracy, refusal precision/recall, claim
 * checks; printed, and returned as figures by name (legacy.accuracy.zh…) for the floors.
 */
export async function runEval(
  engine: Engine,
  dir: string,
  opts: { verbose?: boolean; print?: (text: string) => void } = {},
): Promise<Record<string, number>> {
  const print = opts.print ?? console.log;
  const figures: Record<string, number> = {};
  const share = (n: number, d: number) => (d ? n / d : 0);
  const { questions } = await readEvalData(dir);
  const rows: Row[] = [];
  for (const q of questions) {
    const { hits } = await engine.search(q.question, 10);
    const answer = await engine.asker.ask({ question: q.question, history: q.history });
    const where = q.evidence ? locate(engine, q.evidence) : undefined;
    if (q.evidence && !where) throw new Error(`${q.id}: evidence not in the corpus`);
    const rank = where ? hits.findIndex((h) => overlaps(h.passage, where)) + 1 : 0;
    let correct = false;
    if (q.answerable && answer.grounded && where) {
      const cites = answer.citations.some((c) => overlaps(c, where));
      const want = q.figure ? findFigures(q.figure)[0] : undefined;
      const hasFigure = !want || findFigures(answer.answer).some((f) => sameFigure(f, want));
      correct = cites && hasFigure;
    }
    rows.push({ q, rank, grounded: answer.grounded, correct, answer: answer.answer });
  }

  for (const lang of ["zh", "en"] as const) {
    const set = rows.filter((r) => r.q.lang === lang && r.q.answerable);
    const hit = (k: number) => set.filter((r) => r.rank > 0 && r.rank <= k).length;
    const mrr = set.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / (set.length || 1);
    const right = set.filter((r) => r.correct).length;
    figures[`legacy.accuracy.${lang}`] = share(right, set.length);
    print(
      `${lang}: retrieval hit@1 ${pct(hit(1), set.length)}  hit@5 ${pct(hit(5), set.length)}  MRR ${mrr.toFixed(3)}  | answer accuracy ${pct(right, set.length)} (${right}/${set.length})`,
    );
  }
  const unanswerable = rows.filter((r) => !r.q.answerable);
  const refused = rows.filter((r) => !r.grounded);
  const rightlyRefused = refused.filter((r) => !r.q.answerable).length;
  figures["legacy.refusal.precision"] = share(rightlyRefused, refused.length);
  figures["legacy.refusal.recall"] = share(rightlyRefused, unanswerable.length);
  print(
    `refusal: precision ${pct(rightlyRefused, refused.length)}  recall ${pct(rightlyRefused, unanswerable.length)}  (${rightlyRefused} of ${unanswerable.length} unanswerable refused; ${refused.length - rightlyRefused} answerable refused)`,
  );
  const all = rows.filter((r) => r.q.answerable);
  figures["legacy.accuracy.all"] = share(all.filter((r) => r.correct).length, all.length);
  print(`answer accuracy, both languages: ${pct(all.filter((r) => r.correct).length, all.length)}`);
  const { claims } = await readEvalData(dir);
  let citeRight = 0;
  const citeWrong: string[] = [];
  for (const lang of ["zh", "en"] as const) {
    const set = claims.filter((c) => c.lang === lang);
    let right = 0;
    for (const c of set) {
      const v = await checkClaim(c.claim, engine.search, engine.index);
      if (v.supported === c.supported) right++;
      else
        citeWrong.push(
          `  ✗ ${c.id} want ${c.supported}, got ${v.supported} (${v.reason}): ${c.claim}`,
        );
    }
    citeRight += right;
    print(`cite ${lang}: ${pct(right, set.length)} (${right}/${set.length})`);
  }
  print(`cite, both languages: ${pct(citeRight, claims.length)}`);
  figures["legacy.cite.all"] = share(citeRight, claims.length);
  if (opts.verbose) {
    for (const w of citeWrong) print(w);
    for (const r of rows) {
      const bad = r.q.answerable ? !r.correct : r.grounded;
      if (bad)
        print(
          `  ✗ ${r.q.id} [rank ${r.rank || "-"}] ${r.q.question}\n      -> ${r.answer}\n      want: ${r.q.evidence ?? "(refusal)"}`,
        );
    }
  }
  return figures;
}
