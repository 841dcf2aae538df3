import type { Passage } from "../ingest/types.js";
import type { Kind } from "../question/kind.js";
import type { Language } from "../text/language.js";

export type { Turn } from "../question/types.js";

/** A passage an answer cites, numbered as its [n] marker, with its report's title. */
export type Citation = Passage & {
  score: number;
  n: number;
  /** the report's title */
  title?: string;
  /** the years the report reviews and plans: an answer may name them */
  years?: number[];
};

export type Answer = {
  answer: string;
  language: Language;
  grounded: boolean;
  mode: "extractive" | "llm";
  citations: Citation[];
};

/** One line per report of a table answer, each with the citation that proves it (n 0: none, the report has no such figure). */
export type TableRow = { doc: string; title: string; cells: string[]; n: number };
export type Table = { columns: string[]; rows: TableRow[] };

/** An Answer plus what the API adds: related passages, the shape, figures no citation holds. */
export type Draft = Answer & {
  related: Citation[];
  /** the kind of question it answers (figure, open, yesno, table…) */
  kind?: Kind;
  /** a table answer's rows, for clients that render tables */
  table?: Table;
  unsupportedFigures?: string[];
};
