/** The model checks run on answers they were not written for: every grounded answer the
 * offline path gives to the eval questions, read as if a model had streamed it, passes
 * unchanged (no false echo, paste or figure failure, no text lost to the cleaning). */
import { describe, expect, it } from "vitest";
import { PROMPT_TAGS } from "../../src/answer/model/delimit.js";
import { answerSystem, loadPrompts } from "../../src/answer/model/prompts.js";
import { createAnswerReader } from "../../src/answer/verified/answer-reader.js";
import { readEvalData } from "../../src/eval/eval-data.js";
import { testEngine } from "../support/engine.js";

describe("the offline answers to the eval questions", () => {
  it("pass the model checks unchanged, streamed in any pieces", async () => {
    const engine = await testEngine();
    const prompts = await loadPrompts();
    const { questions } = await readEvalData("tests/eval");
    let checked = 0;
    for (const q of questions) {
      const draft = await engine.asker.ask({ question: q.question });
      if (!draft.grounded) continue;
      // the offline answer numbers its own citations: they are its passages
      const passages = draft.citations;
      const prompt = {
        instructions: [answerSystem(prompts, draft.language), prompts.condense],
        tags: PROMPT_TAGS,
      };
      for (const size of [1, 4, 1000]) {
        const reader = createAnswerReader(passages, prompt);
        const chars = [...draft.answer];
        const steps = [];
        for (let i = 0; i < chars.length; i += size) {
          steps.push(...reader.push(chars.slice(i, i + size).join("")));
        }
        steps.push(...reader.end());
        expect(
          steps.filter((s) => s.kind === "stop"),
          q.id,
        ).toEqual([]);
        expect(reader.result(), q.id).toEqual({
          kind: "answer",
          text: draft.answer,
          cited: draft.citations.map((c) => c.n),
        });
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(120);
  });
});
