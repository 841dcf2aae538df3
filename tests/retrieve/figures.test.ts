import { describe, expect, it } from "vitest";
import { numberWord, romanNumeral } from "../../src/lexicon/translate/numbers.js";
import { translateEnglish } from "../../src/lexicon/translate/translate.js";
import { analyzeQuery } from "../../src/retrieve/analyze-query.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

const tokenizer = createTokenizer();
/** The lexical terms of a question, whatever its language. */
const queryTerms = (q: string) =>
  analyzeQuery(q, tokenizer).groups.flatMap((g) => g.alts.map((a) => a.term));

describe("figures and ranks across languages", () => {
  it.each([
    ["How many tourists? 280 million", "全年接待游客2.8亿人次"],
    ["More than 13,000 high-tech enterprises?", "国家高新技术企业突破1.3万家"],
    ["Did R&D spending grow 16 percent?", "研发经费投入增长16%"],
    ["Deposits of 5.8 trillion yuan", "存贷款余额分别超5.8万亿元"],
    ["Foreign trade of 748.98 billion yuan", "外贸进出口总额7489.8亿元"],
  ])("%s matches %s", (english, chinese) => {
    const terms = new Set(tokenizer.terms(chinese));
    expect(queryTerms(english).some((t) => /^\d/.test(t) && terms.has(t))).toBe(true);
  });

  it("reads ordinals and number words as the figures the report writes", () => {
    const terms = new Set(tokenizer.terms("全国先进制造业百强市排名第9位"));
    expect(terms.has("9")).toBe(true);
    expect(queryTerms("Which city ranked 9th?")).toContain("9");
    expect(queryTerms("Which city ranked ninth?")).toContain("9");
    expect(numberWord("twentieth")).toBe("20");
    expect(numberWord("seven")).toBe("7");
    expect(numberWord("seventh")).toBe("7");
    expect(numberWord("one")).toBeUndefined();
  });

  it("reads Roman numerals written in capitals", () => {
    expect(romanNumeral("XLIX")).toBe("49");
    expect(romanNumeral("II")).toBe("2");
    expect(romanNumeral("MIX")).toBeUndefined();
    const terms = translateEnglish("Super Bowl XLIX", undefined).groups.flatMap((g) => g.alts);
    expect(terms.map((a) => a.term)).toContain("49");
  });
});
