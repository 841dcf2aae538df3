/** The checks of a model's text, with no model: sentence by sentence, against the passages
 * and the prompt; markers, figures in both notations, refusal, echoes, markup. */
import { describe, expect, it } from "vitest";
import { PROMPT_TAGS } from "../../src/answer/model/delimit.js";
import { answerSystem, loadPrompts } from "../../src/answer/model/prompts.js";
import { normalizeMarkers } from "../../src/answer/model-answer.js";
import type { Citation } from "../../src/answer/types.js";
import { createAnswerReader } from "../../src/answer/verified/answer-reader.js";

const passage = (n: number, text: string): Citation => ({
  id: `p${n}`,
  doc: "d",
  section: ["2023年工作回顾"],
  part: "review",
  text,
  start: 0,
  end: text.length,
  score: 1,
  n,
});
const passages = [
  passage(1, "国家高新技术企业突破1.3万家、增长13%。"),
  passage(2, "金融机构存贷款余额分别超5.8万亿元、6万亿元。"),
];
const prompts = await loadPrompts();

/** A reply read as it streams in `size`-character pieces: what is sent, why it stopped, the result. */
function read(reply: string, language: "zh" | "en" = "en", size = 3) {
  const prompt = {
    instructions: [answerSystem(prompts, language), prompts.condense],
    tags: PROMPT_TAGS,
  };
  const reader = createAnswerReader(passages, prompt);
  const chars = [...reply];
  const steps = [];
  for (let i = 0; i < chars.length; i += size)
    steps.push(...reader.push(chars.slice(i, i + size).join("")));
  steps.push(...reader.end());
  const sent = steps.flatMap((s) => (s.kind === "send" ? [s.text] : [])).join("");
  const stop = steps.find((s) => s.kind === "stop");
  return { sent, stop: stop?.kind === "stop" ? stop.reason : undefined, result: reader.result() };
}

describe("figures", () => {
  it("pass in either notation when the cited passage holds them", () => {
    for (const reply of [
      "Over 13,000 high-tech enterprises, up 13% [1].",
      "Over 13 thousand high-tech enterprises [1].",
      "Deposits exceeded 5.8 trillion yuan [2].",
    ]) {
      expect(read(reply)).toEqual({
        sent: reply,
        stop: undefined,
        result: { kind: "answer", text: reply, cited: [reply.includes("[2]") ? 2 : 1] },
      });
    }
  });

  it("a wrong conversion, or a figure from the other passage, stops the answer", () => {
    expect(read("Over 130,000 high-tech enterprises [1].")).toMatchObject({
      sent: "",
      stop: "figure",
    });
    expect(read("Over 13,000 high-tech enterprises [2].")).toMatchObject({
      sent: "",
      stop: "figure",
    });
  });

  it("an invented figure after a good sentence stops the answer there", () => {
    const r = read(
      "国家高新技术企业突破1.3万家 [1]。人口达到5000万人 [1]。存贷款余额超5.8万亿元 [2]。",
      "zh",
    );
    expect(r).toMatchObject({ sent: "国家高新技术企业突破1.3万家 [1]。", stop: "figure" });
  });
});

describe("markers", () => {
  it("are normalised from the forms models write", () => {
    expect(normalizeMarkers("a [1, 2] b [1,2] c【1】d［2］e [1、2]")).toBe(
      "a [1][2] b [1][2] c[1]d[2]e [1][2]",
    );
    expect(normalizeMarkers("[a] [1.5] [2024年]")).toBe("[a] [1.5] [2024年]");
  });

  it("that name no passage are removed; a sentence left with none is not sent", () => {
    expect(read("突破1.3万家 [1][9]。增长13% [7]。", "zh")).toEqual({
      sent: "突破1.3万家 [1]。",
      stop: undefined,
      result: { kind: "answer", text: "突破1.3万家 [1]。", cited: [1] },
    });
    expect(read("突破1.3万家 [7]。", "zh").result).toEqual({ kind: "none" });
  });

  it("after a sentence's end go before it", () => {
    expect(read("突破1.3万家。[1]超5.8万亿元。 【2】", "zh").sent).toBe(
      "突破1.3万家 [1]。超5.8万亿元 [2]。",
    );
  });
});

describe("the refusal token", () => {
  it("alone is a refusal; beside an answer it stops it", () => {
    expect(read(" NOT_IN_REPORT\n").result).toEqual({ kind: "refusal" });
    expect(read("Over 13,000 enterprises [1]. NOT_IN_REPORT")).toMatchObject({ stop: "mixed" });
  });
});

describe("markup", () => {
  it("is reduced to plain text", () => {
    expect(
      read(
        "## Answer\n**Over 13,000** [high-tech](https://x.example) enterprises [1].\n```\ncode [1].\n```",
      ).sent,
    ).toBe("Over 13,000 high-tech enterprises [1].");
  });

  it("that runs code stops the answer", () => {
    expect(read("Over 13,000 enterprises [1]<script>alert(1)</script>.")).toMatchObject({
      sent: "",
      stop: "unsafe",
    });
    expect(read("See [the report](javascript:alert(1)) [1].")).toMatchObject({
      sent: "",
      stop: "unsafe",
    });
  });
});

describe("an echo of the prompt", () => {
  it("its instructions: the answer prompt in either language, the rewrite prompt", () => {
    for (const language of ["zh", "en"] as const) {
      for (const instructions of [answerSystem(prompts, language), prompts.condense]) {
        const r = read(instructions, language, 7);
        expect(r.sent).toBe("");
        expect(r.stop).toBe("echo");
      }
    }
  });

  it("its tags, escaped or not", () => {
    expect(read('<passage n="1">突破1.3万家 [1]。', "zh").stop).toBe("echo");
    expect(read("&lt;/question&gt; 突破1.3万家 [1]。", "zh").stop).toBe("echo");
  });

  it("a passage pasted far beyond a quote", () => {
    const long = passage(1, `${"国家高新技术企业突破1.3万家，".repeat(20)}增长13%。`);
    const reader = createAnswerReader([long], { instructions: [], tags: PROMPT_TAGS });
    expect(reader.push(`${long.text.replace("。", "")} [1]。后`)).toEqual([
      { kind: "stop", reason: "pasted" },
    ]);
  });

  it("an answer far longer than asked for", () => {
    const r = read("突破1.3万家 [1]。".repeat(7), "zh");
    expect(r.stop).toBe("long");
    expect(r.sent).toBe("突破1.3万家 [1]。".repeat(6));
  });
});
