/** The checks of a model's text, with no model: markers, figures in both notations, refusal. */
import { describe, expect, it } from "vitest";
import {
  finishModelAnswer,
  MODEL_REFUSAL,
  mayBeRefusal,
  normalizeMarkers,
} from "../../src/answer/model-answer.js";
import type { Citation } from "../../src/answer/types.js";

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
const en = (text: string) => finishModelAnswer(text, "q", "en", passages);

describe("finishModelAnswer on English answers", () => {
  it("accepts 1.3万 written as 13,000 or 13 thousand, and 5.8万亿 as 5.8 trillion", () => {
    expect(en("Over 13,000 high-tech enterprises, up 13% [1].").grounded).toBe(true);
    expect(en("Over 13 thousand high-tech enterprises [1].").grounded).toBe(true);
    expect(en("Deposits exceeded 5.8 trillion yuan [2].").grounded).toBe(true);
  });

  it("rejects a wrong conversion, and a figure from the other passage", () => {
    expect(en("Over 130,000 high-tech enterprises [1].").unsupportedFigures).toEqual(["130,000"]);
    expect(en("Over 13,000 high-tech enterprises [2].").grounded).toBe(false);
  });

  it("refuses on the token, with no citations", () => {
    const a = en(` ${MODEL_REFUSAL}\n`);
    expect(a).toMatchObject({ grounded: false, mode: "llm", citations: [] });
    expect(a.answer).toContain("The report does not say");
  });
});

describe("markers", () => {
  it("are normalised from the forms models write", () => {
    expect(normalizeMarkers("a [1, 2] b [1,2] c【1】d［2］e [1、2]")).toBe(
      "a [1][2] b [1][2] c[1]d[2]e [1][2]",
    );
    expect(normalizeMarkers("[a] [1.5] [2024年]")).toBe("[a] [1.5] [2024年]");
  });
});

describe("mayBeRefusal", () => {
  it("holds back only what can still become the refusal token", () => {
    expect(mayBeRefusal("")).toBe(true);
    expect(mayBeRefusal(" NOT_IN")).toBe(true);
    expect(mayBeRefusal("NOT_IN_REPORT")).toBe(true);
    expect(mayBeRefusal("No")).toBe(false);
    expect(mayBeRefusal("2023年")).toBe(false);
  });
});
