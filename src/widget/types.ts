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

export type Answer = {
  answer: string;
  language: "zh" | "en";
  grounded: boolean;
  mode: "extractive" | "llm";
  citations: Citation[];
};

export type Turn = { role: "user" | "assistant"; content: string };

/** What one question sends: where, with which key, and the conversation so far. */
export type AskRequest = {
  endpoint: string;
  key?: string;
  question: string;
  history: Turn[];
};
