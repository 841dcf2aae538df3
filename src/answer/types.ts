import type { Passage } from "../ingest/types.js";
import type { Language } from "../text/language.js";

export type Citation = Passage & { score: number; n: number };

export type Answer = {
  answer: string;
  language: Language;
  grounded: boolean;
  mode: "extractive" | "llm";
  citations: Citation[];
};

export type Turn = { role: "user" | "assistant"; content: string };
