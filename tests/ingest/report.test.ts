import { describe, expect, it } from "vitest";
import { ingestCorpus } from "../../src/ingest/ingest-file.js";

const { docs, passages } = await ingestCorpus("corpus");
const doc = docs[0];
const find = (needle: string) => passages.find((p) => p.text.includes(needle));

describe("ingesting the newspaper-extracted report", () => {
  it("gives one document with its title and the id of its file name", () => {
    expect(docs).toHaveLength(1);
    expect(doc?.doc).toBe("chengdu-2024-government-work-report");
    expect(doc?.title).toBe("成都市2024年政府工作报告");
  });

  it("leaves no page marker, line-break or figure-spacing artefact in any passage", () => {
    expect(passages).toHaveLength(95);
    for (const p of passages) {
      expect(p.text).not.toMatch(/紧[接转]\d+版/);
      expect(p.text).not.toMatch(/\n/);
      expect(p.text).not.toMatch(/\d\s+[亿万倍%个]|[\u4e00-\u9fff]\s+\d/);
    }
    // words the extraction had broken apart stand whole, each in one passage of its topic
    const topicsHolding = (needle: string) =>
      passages.filter((p) => p.text.includes(needle)).map((p) => p.section.at(-1));
    expect(topicsHolding("休闲农业实现营业收入445亿元")).toEqual(["现代都市农业稳定发展"]);
    expect(topicsHolding("共建“智行走廊”示范道路648公里")).toEqual(["双核联建深入开展"]);
    expect(topicsHolding("以“揭榜挂帅”“赛马”等方式")).toEqual(["（一）"]);
    expect(topicsHolding("中欧班列（成渝）综合运行指标")).toEqual(["双核联建深入开展"]);
  });

  it("gives offsets such that document.text.slice(start, end) === passage.text", () => {
    for (const p of passages) expect(doc?.text.slice(p.start, p.end)).toBe(p.text);
  });

  it("places passages in the section tree", () => {
    expect(find("双核联建深入开展")?.section).toEqual([
      "2023年工作回顾",
      "（二）坚持优势互补、高效联动，区域协调发展扎实推进",
      "双核联建深入开展",
    ]);
    expect(find("社会消费品零售总额增长7%")?.section).toEqual([
      "2024年工作安排建议",
      "今年全市经济社会发展的主要预期目标是",
    ]);
    expect(find("全力以赴扩大有效益的投资")?.section).toEqual([
      "2024年工作安排建议",
      "（一）坚定不移推动经济稳中有进，加快实现质的有效提升和量的合理增长",
      "全力以赴扩大有效益的投资",
    ]);
    // the excerpt begins inside the 2023 （一）, whose heading is not in the text
    expect(passages[0]?.section.slice(0, 2)).toEqual(["2023年工作回顾", "（一）"]);
    expect(find("先进制造业提档升级")?.section).toEqual([
      "2023年工作回顾",
      "（一）",
      "先进制造业提档升级",
    ]);
    // a lead sentence that follows a single line break still opens its own topic
    expect(find("省域协作全面加强")?.section.at(-1)).toBe("省域协作全面加强");
    // （一） and （二） occur in both parts and stay apart
    const sections = new Set(passages.map((p) => p.section.slice(0, 2).join(" › ")));
    expect([...sections].filter((s) => s.includes("（二）"))).toHaveLength(2);
  });

  it("splits on sentence boundaries into passages of a few statements", () => {
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(300);
      // a sentence longer than a passage is split between clauses
      expect(p.text).toMatch(/[。！？；”，]$/);
    }
  });

  it("keeps ids stable across runs", async () => {
    const again = await ingestCorpus("corpus");
    expect(again.passages.map((p) => p.id)).toEqual(passages.map((p) => p.id));
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it("records an outline whose spans cover their passages", () => {
    for (const p of passages) {
      const entry = doc?.outline.find((o) => o.section.join("/") === p.section.join("/"));
      expect(entry?.section).toEqual(p.section);
      expect(entry && p.start >= entry.start && p.end <= entry.end).toBe(true);
    }
  });
});
