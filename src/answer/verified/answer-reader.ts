import type { PromptEcho } from "../model-port.js";
import type { Citation } from "../types.js";
import { createUnitChecker, type UnitVerdict } from "./check-unit.js";
import { createSentenceSplitter, type RawUnit } from "./sentence-units.js";

/** Bounds on one model answer as a whole. */
export const ANSWER_CHECKS = {
  /**
   * Sentences sent in one answer. The prompt asks for one to three; a model past six is
   * pasting passages or looping, and the answer falls back. Higher lets longer answers
   * through; lower turns verbose but honest answers into fallbacks.
   */
  maxSentences: 6,
  /** Characters of verified text in one answer, for the same reason (three sentences with
   * their quotes are about 400 in English, fewer in Chinese). */
  maxChars: 1200,
};

/** Why a model's answer was given up: a sentence failed, or the answer as a whole. */
export type FailReason =
  | Extract<UnitVerdict, { kind: "fail" }>["reason"]
  /** past ANSWER_CHECKS */
  | "long"
  /** the refusal token and an answer in one reply */
  | "mixed";

/** What to do after a piece of the model's text: send verified text, or stop reading. */
export type ReadStep = { kind: "send"; text: string } | { kind: "stop"; reason: FailReason };

export type ReadResult =
  | { kind: "answer"; text: string; cited: number[] }
  | { kind: "refusal" }
  /** no sentence passed: nothing usable */
  | { kind: "none" };

export type AnswerReader = {
  push(delta: string): ReadStep[];
  end(): ReadStep[];
  /** after end(): what the model's reply amounts to */
  result(): ReadResult;
};

/** The whitespace that led into a unit, as it joins the sentence before: a line break, a space, or nothing. */
const separator = (unit: RawUnit) => {
  const lead = /^\s*/.exec(unit.text)?.[0] ?? "";
  return lead.includes("\n") ? "\n" : lead ? " " : "";
};

/**
 * A model's streamed reply read sentence by sentence: each sentence is checked when it is
 * complete (check-unit.ts) and only then sent; a sentence that fails, or an answer past
 * ANSWER_CHECKS, stops the reading, and nothing more of the reply is used.
 */
export function createAnswerReader(passages: Citation[], prompt: PromptEcho): AnswerReader {
  const split = createSentenceSplitter();
  const check = createUnitChecker(passages, prompt);
  let text = "";
  let sentences = 0;
  let refused = false;
  let stopped = false;
  const cited: number[] = [];

  function step(unit: RawUnit): ReadStep | undefined {
    const verdict = check(unit);
    if (verdict.kind === "drop") return undefined;
    if (verdict.kind === "fail") return { kind: "stop", reason: verdict.reason };
    if (verdict.kind === "refusal") {
      refused = true;
      return sentences ? { kind: "stop", reason: "mixed" } : undefined;
    }
    if (refused) return { kind: "stop", reason: "mixed" };
    const piece = (sentences ? separator(unit) : "") + verdict.text;
    sentences++;
    if (
      sentences > ANSWER_CHECKS.maxSentences ||
      text.length + piece.length > ANSWER_CHECKS.maxChars
    )
      return { kind: "stop", reason: "long" };
    text += piece;
    for (const n of verdict.cited) if (!cited.includes(n)) cited.push(n);
    return { kind: "send", text: piece };
  }

  function steps(units: RawUnit[]): ReadStep[] {
    const out: ReadStep[] = [];
    for (const unit of units) {
      if (stopped) break;
      const s = step(unit);
      if (!s) continue;
      out.push(s);
      stopped = s.kind === "stop";
    }
    return out;
  }

  return {
    push: (delta) => (stopped ? [] : steps(split.push(delta))),
    end: () => (stopped ? [] : steps(split.end())),
    result() {
      if (refused) return { kind: "refusal" };
      return sentences ? { kind: "answer", text, cited } : { kind: "none" };
    },
  };
}
