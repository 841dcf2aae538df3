import type { Citation } from "../../src/answer/types.js";

/** A numbered passage for tests of answers and prompts. */
export const citation = (n: number, text: string, section = ["2023年工作回顾"]): Citation => ({
  id: `d:${n}`,
  doc: "d",
  section,
  part: "review",
  text,
  start: 0,
  end: text.length,
  score: 1,
  n,
});
