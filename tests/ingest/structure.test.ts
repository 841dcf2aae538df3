import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ingestCorpus, ingestFile } from "../../src/ingest/ingest-file.js";
import { textParagraphs } from "../../src/ingest/paragraphs.js";
import { DEFAULT_SPLIT, splitSpans } from "../../src/ingest/passages.js";

/** A district report of a kind the fixtures do not have, one paragraph per line. */
const DISTRICT = [
  "2024年海拉尔区政府工作报告",
  "——2024年1月10日在呼伦贝尔市海拉尔区第十一届人民代表大会第四次会议上",
  "区长　张明远",
  "各位代表：",
  "现在，我代表区人民政府，向大会报告工作，请予审议。",
  "一、过去一年工作回顾",
  "过去一年，全区地区生产总值增长5.1%。",
  "（一）产业发展稳中有进。新建标准化厂房12万平方米，工业增加值增长6%。",
  "各位代表！这些成绩来之不易。过去一年的工作中，我们也积累了宝贵经验，必须长期坚持。同时，我们也清醒看到，发展不足仍是最大的问题，产业结构还不优。",
  "二、2024年工作安排",
  "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。",
  "（一）扩大有效投资。实施重点项目80个。",
  "（二）加强政府自身建设。坚持依法行政，自觉接受人大监督。",
  "各位代表！让我们团结奋斗，再创佳绩！",
  "一、城区供热管网改造",
  "改造老旧供热管网40公里。",
].join("\n");

const district = () => {
  const { docs, passages } = ingestFile({
    name: "hailaer-2024.txt",
    raw: DISTRICT,
    meta: {},
    format: "txt",
  });
  const find = (needle: string) => passages.find((p) => p.text.includes(needle));
  return { doc: docs[0], passages, find };
};

describe("paragraphs of plain text", () => {
  it("takes each line as a paragraph when the text has no blank lines", () => {
    expect(
      textParagraphs("一、2024年工作回顾\r\n　　过去一年，增长5%。\r\n（一）产业。工业增长。\r\n"),
    ).toEqual(["一、2024年工作回顾", "过去一年，增长5%。", "（一）产业。工业增长。"]);
  });

  it("takes blank lines as breaks when there are some, never fusing a heading into its text", () => {
    const raw = "二、2025年工作安排\n今年是关键之年。\n全年增长5%左右，\n就业稳定。\n\n第二段。";
    expect(textParagraphs(raw)).toEqual([
      "二、2025年工作安排",
      "今年是关键之年。",
      "全年增长5%左右，就业稳定。",
      "第二段。",
    ]);
    expect(textParagraphs("A wrapped English\nparagraph.\n\nAnother one.")).toEqual([
      "A wrapped English paragraph.",
      "Another one.",
    ]);
  });

  it("folds full-width figures and drops the characters a lossy conversion left", () => {
    expect(textParagraphs("增长９．１％，达到１１．６７万亿元\n国务院总理?李克强")).toEqual([
      "增长9.1%，达到11.67万亿元",
      "国务院总理李克强",
    ]);
  });
});

describe("a report of another family: a district, one paragraph per line", () => {
  it("reads its metadata from the front matter", () => {
    expect(district().doc?.meta).toEqual({
      title: "2024年海拉尔区政府工作报告",
      place: "呼伦贝尔市海拉尔区",
      level: "district",
      date: "2024-01-10",
      speaker: "区长 张明远",
      year: 2024,
      reviewYears: [2023],
      planYear: 2024,
    });
  });

  it("splits off a heading that opens a paragraph, keeping the text as a passage", () => {
    const { doc, find } = district();
    const p = find("新建标准化厂房");
    expect(p?.text).toBe("新建标准化厂房12万平方米，工业增加值增长6%。");
    expect(p?.section).toEqual(["一、过去一年工作回顾", "（一）产业发展稳中有进"]);
    expect(doc?.text).toContain("（一）产业发展稳中有进。新建标准化厂房");
  });

  it("gives every paragraph its part", () => {
    const { passages, find } = district();
    expect(passages.some((p) => p.text.includes("各位代表："))).toBe(false);
    expect(passages.some((p) => p.text.includes("张明远"))).toBe(false);
    expect(find("我代表区人民政府")?.part).toBe("body");
    expect(find("全区地区生产总值增长5.1%")?.part).toBe("review");
    // the address opens a transition paragraph of the review; the problems start inside it
    expect(find("这些成绩来之不易")?.part).toBe("review");
    expect(find("同时，我们也清醒看到")?.text.startsWith("同时，我们也清醒看到")).toBe(true);
    expect(find("同时，我们也清醒看到")?.part).toBe("problems");
    expect(find("主要预期目标是")?.part).toBe("plan");
    expect(find("实施重点项目80个")?.part).toBe("plan");
    expect(find("坚持依法行政")?.part).toBe("government");
    expect(find("让我们团结奋斗")?.part).toBe("closing");
    // numbered again after the closing: an appendix, not a third main part
    expect(find("改造老旧供热管网")?.part).toBe("appendix");
    expect(find("改造老旧供热管网")?.section[0]).toBe("一、城区供热管网改造");
  });
});

describe("metadata from the file name and the sidecar", () => {
  it("uses the file name when the text has no title, and the sidecar over both", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rqa-meta-"));
    const body =
      "各位代表：\n一、过去五年工作回顾\n五年来，经济总量翻番。\n二、今年工作安排\n今年，要稳增长。\n";
    await writeFile(join(dir, "2023年示例市政府工作报告).txt"), body);
    await writeFile(join(dir, "other.txt"), body);
    await writeFile(
      join(dir, "other.meta.json"),
      JSON.stringify({
        title: "2023年另一市政府工作报告",
        speaker: "市长 李四",
        reviewYears: [2022],
      }),
    );
    const { docs } = await ingestCorpus(dir);
    expect(docs.map((d) => d.meta)).toEqual([
      {
        title: "2023年示例市政府工作报告",
        place: "示例市",
        level: "city",
        year: 2023,
        reviewYears: [2018, 2019, 2020, 2021, 2022],
        planYear: 2023,
      },
      {
        title: "2023年另一市政府工作报告",
        place: "另一市",
        level: "city",
        speaker: "市长 李四",
        year: 2023,
        reviewYears: [2022],
        planYear: 2023,
      },
    ]);
  });
});

describe("cutting a paragraph into passages", () => {
  it("cuts between list items rather than inside one", () => {
    const sentence = (n: number) => `${"事".repeat(n - 1)}。`;
    const item = (ordinal: string) => `${ordinal}是${sentence(58)}${sentence(40)}${sentence(40)}`;
    const text = ["一", "二", "三", "四"].map(item).join("");
    const spans = splitSpans(text, DEFAULT_SPLIT);
    expect(spans.length).toBe(4);
    for (const [s] of spans) expect(text.slice(s, s + 2)).toMatch(/^[一二三四]是$/);
  });
});
