import { MODEL_REFUSAL, normalizeMarkers } from "../model-answer.js";
import type { PromptEcho } from "../model-port.js";
import type { Citation } from "../types.js";
import { verifyAnswer } from "../verify.js";
import { hasActiveContent, plainText } from "./plain-text.js";
import type { RawUnit } from "./sentence-units.js";

/** How much of its prompt, and of one passage, a model's text may repeat. */
export const UNIT_CHECKS = {
  /**
   * A verbatim run this long (characters, markers removed, spaces collapsed) shared with the
   * instructions makes a text an echo of the prompt. The instructions are English, so a
   * Chinese answer shares at most a figure from their examples; 24 is longer than any phrase
   * an English answer has reason to share with them ("5.8 trillion yuan" is 17). Lower
   * catches shorter echoes and risks honest English answers.
   */
  promptRunChars: 24,
  /**
   * The longest verbatim run one sentence may take from one passage: a whole long sentence
   * of the report is a quote (95% of the report's sentences are under 170 characters, the
   * longest 446); past this it is a passage pasted. Lower turns long quotes into fallbacks.
   */
  maxQuoteChars: 240,
};

/**
 * A sentence of a model's answer, judged:
 * - pass: plain text, with at least one [n] marker naming a passage, every figure in the
 *   passages it cites; markers that name no passage are removed;
 * - drop: not sent, and no sign of a bad model (a code block, nothing but markup, a sentence
 *   that cites nothing, such as "Here is the answer:");
 * - refusal: the model says the passages do not hold the answer;
 * - fail: the model is not answering from the passages (a figure they do not give, markup
 *   that runs code, its prompt repeated): nothing more of this answer is used.
 */
export type UnitVerdict =
  | { kind: "pass"; text: string; cited: number[] }
  | { kind: "drop"; reason: "code" | "empty" | "uncited" }
  | { kind: "refusal" }
  | { kind: "fail"; reason: "figure" | "unsafe" | "echo" | "pasted" };

/** "增长16%。[1]" -> "增长16% [1]。": markers after a sentence's end go before it. */
const placeMarkers = (text: string) =>
  text.replace(
    /([。！？.!?][”’"'」』）)》]*)((?:\s*\[\d+\])+)$/,
    (_, end: string, marks: string) =>
      /^\s/.test(marks) ? `${marks}${end}` : ` ${marks.trim()}${end}`,
  );

/** Text compared for runs: markers removed, spaces collapsed. */
const bare = (text: string) =>
  text
    .replace(/\[\d+\]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** Does `text` share a run of `n` characters with `source`? */
const sharesRun = (text: string, source: string, n: number) =>
  runs(text, n).some((r) => source.includes(r));

/** A text's runs of `n` characters. */
function runs(text: string, n: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(""));
  return out;
}

/** The instructions' runs, built once for each prompt object (a model port keeps its own). */
const instructionRuns = new WeakMap<PromptEcho, Set<string>>();

/** Does a text repeat its prompt: one of the tags, or a run of the instructions? */
export function createEchoCheck(prompt: PromptEcho): (raw: string) => boolean {
  const n = UNIT_CHECKS.promptRunChars;
  let known = instructionRuns.get(prompt);
  if (!known) {
    known = new Set(
      prompt.instructions.flatMap((t) => runs(bare(plainText(normalizeMarkers(t))), n)),
    );
    instructionRuns.set(prompt, known);
  }
  const seen = known;
  const tag = new RegExp(`(?:<|&lt;)\\s*/?\\s*(?:${prompt.tags.join("|")})\\b`, "i");
  return (raw) =>
    tag.test(raw) || runs(bare(normalizeMarkers(plainText(raw))), n).some((r) => seen.has(r));
}

/** The checks of one answer's sentences against its passages and its prompt. */
export function createUnitChecker(
  passages: Citation[],
  prompt: PromptEcho,
): (unit: RawUnit) => UnitVerdict {
  const echoes = createEchoCheck(prompt);
  return (unit) => {
    if (unit.code) return { kind: "drop", reason: "code" };
    if (unit.text.includes(MODEL_REFUSAL)) return { kind: "refusal" };
    if (hasActiveContent(unit.text)) return { kind: "fail", reason: "unsafe" };
    if (echoes(unit.text)) return { kind: "fail", reason: "echo" };
    const text = placeMarkers(normalizeMarkers(plainText(unit.text)));
    const words = bare(text);
    if (!/[\p{L}\p{N}]/u.test(words)) return { kind: "drop", reason: "empty" };
    const quote = UNIT_CHECKS.maxQuoteChars + 1;
    if (passages.some((p) => sharesRun(words, p.text, quote))) {
      return { kind: "fail", reason: "pasted" };
    }
    const check = verifyAnswer(text, passages);
    if (check.unsupportedFigures.length) return { kind: "fail", reason: "figure" };
    if (!check.used.length) return { kind: "drop", reason: "uncited" };
    return { kind: "pass", text: check.text, cited: check.used };
  };
}
