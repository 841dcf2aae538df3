import type { Doc, Passage } from "../ingest/types.js";
import { extractFigures } from "./extract.js";
import { IndicatorVocabulary, readIndicators } from "./indicators.js";
import { FigureTable } from "./query.js";
import { type FigureFile, figureFileSchema } from "./types.js";

/** The figures artefact of an index build: the vocabulary and every row of every document. */
export async function buildFigureFile(
  docs: Doc[],
  passages: Passage[],
  isWord?: (w: string) => boolean,
): Promise<FigureFile> {
  const indicators = await readIndicators();
  const vocabulary = new IndicatorVocabulary(indicators);
  return { indicators, rows: extractFigures(docs, passages, { vocabulary, isWord }) };
}

/** The figure table from the artefact as read back; undefined when it is not one. */
export function figureTableOf(raw: unknown): FigureTable | undefined {
  const parsed = figureFileSchema.safeParse(raw);
  return parsed.success ? new FigureTable(parsed.data.rows, parsed.data.indicators) : undefined;
}
