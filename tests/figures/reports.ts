import { buildFigureFile } from "../../src/figures/figure-file.js";
import type { FigureTable } from "../../src/figures/query.js";
import { FigureTable as Table } from "../../src/figures/query.js";
import type { FigureRow } from "../../src/figures/types.js";
import { ingestFiles } from "../../src/ingest/ingest-file.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";
import type { Doc } from "../../src/ingest/types.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

/** The 45 reports of the repository (the fixtures and the corpus), ingested, and their figure table. */
export type Reports = { docs: Map<string, Doc>; table: FigureTable };

let shared: Promise<Reports> | undefined;

export function reportsTable(): Promise<Reports> {
  shared ??= (async () => {
    const files = [
      ...(await readCorpus("tests/fixtures/reports")).files,
      ...(await readCorpus("corpus")).files,
    ];
    const { docs, passages } = ingestFiles(files);
    const file = await buildFigureFile(docs, passages, createTokenizer([]).isWord);
    return {
      docs: new Map(docs.map((d) => [d.doc, d])),
      table: new Table(file.rows, file.indicators),
    };
  })();
  return shared;
}

/** The words a row's indicator is read from, as the document has them. */
export const indicatorText = (r: Reports, row: FigureRow) =>
  r.docs.get(row.doc)?.text.slice(row.indicatorStart, row.indicatorEnd) ?? "";
