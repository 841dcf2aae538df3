/** A piece of a passage with its offsets in the passage text. */
export type Span = { text: string; start: number; end: number };

const SENTENCE = /[^。！？；!?;]+[。！？；!?;]*[”’」』）)]*/g;
const CLAUSE = /[^，,：:]+[，,：:]?/g;

function spans(text: string, re: RegExp, offset = 0): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    const start = offset + (m.index ?? 0);
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

export const sentences = (text: string): Span[] => spans(text, SENTENCE);

/** Clauses of a sentence (split at commas and colons, not at 、 which lists items). */
export const clauses = (sentence: Span): Span[] => spans(sentence.text, CLAUSE, sentence.start);

/** Strip trailing punctuation for quoting inside an answer. */
export const bare = (s: string) => s.replace(/^[，,、：:\s]+|[，,。；;：:！!？?、\s]+$/g, "");
