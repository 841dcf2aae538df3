import { describe, expect, it } from "vitest";
import { verifyAnswer } from "../../src/answer/verify.js";
import { citation as passage } from "../support/citation.js";

const cites = [
  passage(1, "国家高新技术企业突破1.3万家、增长13%。"),
  passage(2, "全年接待游客2.8亿人次。"),
];

describe("citation checks", () => {
  it("passes figures that the cited passage holds, in either notation", () => {
    const v = verifyAnswer(
      "In 2023, Chengdu had more than 13,000 high-tech enterprises [1]; tourists: 280 million [2].",
      cites,
    );
    expect(v.ok).toBe(true);
    expect(v.used).toEqual([1, 2]);
  });

  it("drops markers that name no citation", () => {
    const v = verifyAnswer("国家高新技术企业突破1.3万家 [1][7]。", cites);
    expect(v.droppedMarkers).toEqual([7]);
    expect(v.text).toBe("国家高新技术企业突破1.3万家 [1]。");
  });

  it("reports a figure that the passage a sentence cites does not hold", () => {
    const v = verifyAnswer("国家高新技术企业突破1.5万家 [1]。游客2.8亿人次 [2]。", cites);
    expect(v.unsupportedFigures).toEqual(["1.5万"]);
    expect(v.ok).toBe(false);
    // a figure from another passage than the one cited is not vouched for either
    expect(verifyAnswer("游客2.8亿人次 [1]。", cites).ok).toBe(false);
  });

  it("fails an answer that cites nothing", () => {
    expect(verifyAnswer("Chengdu is a city.", cites).ok).toBe(false);
  });
});
