import type { Citation, Turn } from "../types.js";

/** Earlier turns the condense prompt sees, and how much of each: bounds the prompt's size. */
export const HISTORY_TURNS = 8;
export const TURN_CHARS = 1200;

/** The tags the user messages below are built of. */
export const PROMPT_TAGS = ["passages", "passage", "question", "history", "turn"] as const;

/**
 * Text from a reader or the corpus, made safe to put between tags: `<`, `>` and `&` are
 * escaped as in XML, so a "</question>" typed into a question is data, not a closing tag.
 */
export const escapeData = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const escapeAttribute = (text: string) => escapeData(text).replace(/"/g, "&quot;");

const clip = (text: string, max: number) => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : text;
};

const questionBlock = (question: string) => `<question>\n${escapeData(question)}\n</question>`;

/** The answer prompt's user message: the numbered passages, then the question. */
export function answerInput(question: string, passages: Citation[]): string {
  const items = passages.map(
    (p) =>
      `<passage n="${p.n}" section="${escapeAttribute(p.section.join(" › "))}">\n${escapeData(p.text)}\n</passage>`,
  );
  return `<passages>\n${items.join("\n")}\n</passages>\n\n${questionBlock(question)}`;
}

/** The condense prompt's user message: the latest turns of the history, then the question. */
export function condenseInput(question: string, history: Turn[]): string {
  const turns = history
    .slice(-HISTORY_TURNS)
    .map((t) => `<turn role="${t.role}">\n${escapeData(clip(t.content, TURN_CHARS))}\n</turn>`);
  return `<history>\n${turns.join("\n")}\n</history>\n\n${questionBlock(question)}`;
}
