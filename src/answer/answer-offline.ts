import type { Reading } from "../question/types.js";
import { type AnswerContext, citationOf, type Retrieved } from "./context.js";
import { aboutAnswer } from "./shapes/about.js";
import { compareAnswer } from "./shapes/compare.js";
import { figureAnswer } from "./shapes/figure.js";
import { refusal } from "./shapes/refusal.js";
import { summaryAnswer } from "./shapes/summary.js";
import { tableAnswer, wantsTable } from "./shapes/table.js";
import { verdictAnswer } from "./shapes/verdict.js";
import type { Citation, Draft, Table } from "./types.js";
import { verifyAnswer } from "./verify.js";

type Shaped = { text: string; citations: Citation[]; table?: Table } | undefined;

/** The answer's shape follows the question's kind; each shape is its own file under shapes/. */
async function shape(reading: Reading, retrieved: Retrieved, ctx: AnswerContext): Promise<Shaped> {
  if (wantsTable(reading, retrieved, ctx)) return tableAnswer(reading, retrieved, ctx);
  switch (reading.kind) {
    case "about": {
      const docs = retrieved.scope.docs
        .map((d) => ctx.docs.get(d.doc))
        .filter((d) => d !== undefined);
      return aboutAnswer(reading, docs, ctx);
    }
    case "figure":
    case "rank":
    case "table":
      return figureAnswer(reading, retrieved, ctx);
    case "yesno":
      return verdictAnswer(reading, retrieved, ctx);
    case "compare":
      return compareAnswer(reading, retrieved, ctx);
    case "open":
    case "list":
    case "problems":
      return reading.asksNumber
        ? (figureAnswer(reading, retrieved, ctx) ?? summaryAnswer(reading, retrieved, ctx))
        : summaryAnswer(reading, retrieved, ctx);
  }
}

/**
 * The offline answer: shaped to the question (figure, summary, verdict, comparison, table,
 * the report itself), in the asker's language, every figure checked against the passage
 * its sentence cites; or an honest refusal that says what the corpus covers.
 */
export async function answerOffline(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
  /** how many retrieved passages the answer lists as related */
  k = 5,
): Promise<Draft> {
  const language = reading.language;
  const related = retrieved.result.hits.slice(0, k).map((h, i) => citationOf(h, i + 1, ctx));
  const refuse = (): Draft => ({
    answer: refusal(language, retrieved.scope, {
      docs: ctx.index.docs,
      places: ctx.places,
    }),
    language,
    grounded: false,
    mode: "extractive",
    kind: reading.kind,
    citations: [],
    related,
  });
  const scope = retrieved.scope;
  if (scope.missingPlaces.length && !scope.docs.length) return refuse();
  if (scope.missingLevel || (scope.missingYears.length && !scope.docs.length)) return refuse();
  const shaped = await shape(reading, retrieved, ctx);
  if (!shaped || shaped.citations.length === 0) return refuse();
  const check = verifyAnswer(shaped.text, shaped.citations, reading.figures);
  if (!check.ok) return refuse();
  const cited = new Set(shaped.citations.map((c) => c.id));
  return {
    answer: check.text,
    language,
    grounded: true,
    mode: "extractive",
    kind: reading.kind,
    citations: shaped.citations,
    related: related.filter((r) => !cited.has(r.id)),
    ...(shaped.table ? { table: shaped.table } : {}),
  };
}
