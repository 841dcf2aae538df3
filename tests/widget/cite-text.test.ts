import { describe, expect, it } from "vitest";
import { citedText, markRanges, splitAnswer, stripMarkers } from "../../src/widget/cite-text.js";

const PASSAGE =
  "出台科技成果转化28条政策措施，以“揭榜挂帅”“赛马”等方式实施关键核心技术攻关项目114个，全社会研发经费投入增长16%，技术合同成交额增长10%。创新生态优化完善，西南地区首只科创接力基金在蓉设立。国家高新技术企业突破1.3万家、增长13%。";

const marked = (passage: string, ranges: [number, number][]) =>
  ranges.map(([s, e]) => passage.slice(s, e));

describe("answer markers", () => {
  it("splits [n], [1][2], [1, 2] and full-width markers", () => {
    expect(splitAnswer("增长16%[1]。另见[2, 3]和【4】")).toEqual([
      { text: "增长16%" },
      { cite: [1], raw: "[1]" },
      { text: "。另见" },
      { cite: [2, 3], raw: "[2, 3]" },
      { text: "和" },
      { cite: [4], raw: "【4】" },
    ]);
    expect(stripMarkers("grew 16% [1][2].")).toBe("grew 16% .");
  });

  it("finds the words each citation backs", () => {
    const answer = "研发经费投入增长16%[1]，高新技术企业增长13%[2]。";
    expect(citedText(answer, 1)).toBe("研发经费投入增长16%");
    expect(citedText(answer, 2)).toBe("，高新技术企业增长13%");
    // a marker after the full stop belongs to the sentence before it
    expect(citedText("第一句。研发经费增长16%。[1]", 1)).toBe("研发经费增长16%");
    // never cited in the text: the whole answer
    expect(citedText("研发经费增长16%。", 3)).toBe("研发经费增长16%。");
  });
});

describe("markRanges", () => {
  it("marks the sentence holding the cited figure", () => {
    const text = "全市经济运行稳中有进。地区生产总值增长6%。居民收入增长5.8%。";
    expect(marked(text, markRanges(text, "地区生产总值增长6%[1]"))).toEqual([
      "地区生产总值增长6%。",
    ]);
  });

  it("narrows a long sentence to the clause with the figure", () => {
    const ranges = markRanges(PASSAGE, citedText("2023年全社会研发经费投入增长16%[1]。", 1));
    expect(marked(PASSAGE, ranges)).toEqual(["全社会研发经费投入增长16%"]);
    // two cited figures in neighbouring clauses make one mark
    const both = markRanges(PASSAGE, "研发投入增长16%，技术合同成交额增长了10%");
    expect(marked(PASSAGE, both)).toEqual(["全社会研发经费投入增长16%，技术合同成交额增长10%。"]);
  });

  it("works for English answers through their figures", () => {
    const ranges = markRanges(PASSAGE, "national high-tech enterprises grew by 13%");
    expect(marked(PASSAGE, ranges)).toEqual(["国家高新技术企业突破1.3万家、增长13%。"]);
    // 1.3万 and 13,000 are the same figure
    const scaled = markRanges(PASSAGE, "more than 13,000 high-tech firms");
    expect(marked(PASSAGE, scaled)).toEqual(["国家高新技术企业突破1.3万家、增长13%。"]);
  });

  it("marks a verbatim quote exactly", () => {
    const quote = "西南地区首只科创接力基金在蓉设立";
    const ranges = markRanges(PASSAGE, `报告提到：${quote}。`);
    expect(marked(PASSAGE, ranges)).toEqual([
      "创新生态优化完善，西南地区首只科创接力基金在蓉设立。",
    ]);
    expect(marked(PASSAGE, markRanges(PASSAGE, quote))).toEqual([quote]);
    // an English answer quoting the report after its marker
    const answer = "In 2023, the report says 13% [1]: “国家高新技术企业突破1.3万家”.";
    const cited = citedText(answer, 1);
    expect(cited).toBe("In 2023, the report says 13% “国家高新技术企业突破1.3万家”");
    expect(marked(PASSAGE, markRanges(PASSAGE, cited))).toEqual(["国家高新技术企业突破1.3万家"]);
  });

  it("falls back to words, then to the whole passage", () => {
    expect(marked(PASSAGE, markRanges(PASSAGE, "创新生态优化"))).toEqual([
      "创新生态优化完善，西南地区首只科创接力基金在蓉设立。",
    ]);
    expect(markRanges(PASSAGE, "nothing in common")).toEqual([[0, PASSAGE.length]]);
    // a year alone is not a figure worth marking
    expect(markRanges(PASSAGE, "in 2023")).toEqual([[0, PASSAGE.length]]);
  });
});
