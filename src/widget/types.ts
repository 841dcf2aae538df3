/** Shapes of the HTTP API (see shared/spec/http-api.md); the widget reads only these fields. */
export type Citation = {
  n: number;
  id: string;
  doc: string;
  /** the report's title: answers may draw on many reports */
  title?: string;
  section: string[];
  /** the part of the report: review, plan, … */
  part?: string;
  text: string;
  start: number;
  end: number;
  score: number;
};

/** One line per report of a table answer, with the [n] of the citation that proves it. */
export type TableRow = { doc: string; title: string; cells: string[]; n: number };
export type Table = { columns: string[]; rows: TableRow[] };

export type Answer = {
  answer: string;
  language: "zh" | "en";
  grounded: boolean;
  mode: "extractive" | "llm";
  citations: Citation[];
  /** the kind of question answered: figure, open, table, … */
  kind?: string;
  /** a table answer's rows; the text answer says the same in lines */
  table?: Table;
};

export type Turn = { role: "user" | "assistant"; content: string };

/** What one question sends: where, with which key, the conversation and the documents in scope. */
export type AskRequest = {
  endpoint: string;
  key?: string;
  question: string;
  history: Turn[];
  /** answer from these documents only (the `docs` attribute) */
  docs?: string[];
};
