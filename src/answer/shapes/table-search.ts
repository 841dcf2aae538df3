import type { Reading } from "../../question/types.js";
import { type AnswerContext, type Retrieved, retrieveFor } from "../context.js";
import { partYears } from "../report-name.js";
import { figureEvidence } from "./figure.js";
import type { TableLine } from "./table-lines.js";

/**
 * One line per report in scope by searching each report for the question and taking its
 * best figure clause: for questions about figures the figure table has no indicator for.
 */
export async function searchedLines(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
  max: number,
): Promise<TableLine[]> {
  const lines: TableLine[] = [];
  for (const scope of retrieved.scope.docs.slice(0, max)) {
    const one = await retrieveFor(reading, ctx, 5, {
      scope: { ...retrieved.scope, docs: [scope] },
    });
    const e = figureEvidence(reading, one, ctx, {
      figure: true,
      rank: false,
      unit: reading.unit,
      direction: reading.direction,
    });
    if (!e) continue;
    const doc = ctx.docs.get(scope.doc);
    const f = e.figures[0];
    lines.push({
      doc: scope.doc,
      passage: e.hit.passage,
      score: e.hit.score,
      quote: e.span.text,
      ...(f ? { figure: { value: f.value, percent: f.percent, raw: f.raw } } : {}),
      years: doc ? partYears(doc.meta, e.hit.passage.part) : [],
    });
  }
  return lines;
}
