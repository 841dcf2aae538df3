/** Shapes of the HTTP API (see shared/spec/http-api.md); the widget reads only these fields. */
export type Citation = {
  n: number;
  id: string;
  doc: string;
  section: string[];
  text: string;
  start: number;
  end: number;
  score: number;
};

export type Answer = {
  answer: string;
  language: "zh" | "en";
  grounded: boolean;
  mode: "extractive" | "llm";
  citations: Citation[];
  /** a question over several reports: one row per report, each cited by its n (0: no figure) */
  table?: AnswerTable;
};

export type Turn = { role: "user" | "assistant"; content: string };

/** A table answer's rows (one per report), as POST /api/ask returns them beside the text. */
export type AnswerTable = {
  columns: string[];
  rows: { doc: string; title: string; cells: string[]; n: number }[];
};
