import { describe, expect, it } from "vitest";
import { checkClaim } from "../../src/answer/check-claim.js";
import { verifyAnswer } from "../../src/answer/verify.js";
import { askedDirection } from "../../src/text/direction.js";
import { testEngine } from "../support/engine.js";

const engine = await testEngine();
const ask = (question: string, history?: { role: "user" | "assistant"; content: string }[]) =>
  engine.asker.ask({ question, history });

describe("offline answers", () => {
  it("answers a Chinese question with the report's words, the figure and a citation", async () => {
    const a = await ask("2023年全社会研发经费投入增长多少？");
    expect(a).toMatchObject({ language: "zh", grounded: true, mode: "extractive" });
    expect(a.answer).toBe(
      "据《成都市2024年政府工作报告》，2023年，全社会研发经费投入增长16% [1]。",
    );
    expect(a.citations[0]?.text).toContain("全社会研发经费投入增长16%");
    expect(verifyAnswer(a.answer, a.citations).ok).toBe(true);
  });

  it("answers an English question in English with the figure for English readers", async () => {
    const a = await ask("How many national high-tech enterprises does Chengdu have?");
    expect(a.language).toBe("en");
    expect(a.grounded).toBe(true);
    expect(a.answer).toMatch(/13,000/);
    expect(a.answer).toContain("1.3万");
    expect(a.answer).toMatch(/^[A-Z]/);
  });

  it("answers rank questions with the rank", async () => {
    const a = await ask("成都在全国先进制造业百强市中排名第几？");
    expect(a.answer).toContain("第9位");
  });

  it("does not answer how much a thing grew with a figure that fell, nor the reverse", async () => {
    // the report gives no 2023 GDP growth; the nearest figure is energy use per unit of GDP, down
    expect((await ask("2023年成都GDP实际增长了多少？")).grounded).toBe(false);
    const fell = await ask("How much did energy consumption per unit of GDP fall in 2023?");
    expect(fell.answer).toContain("3.5%");
    expect((await ask("刑事立案数下降了多少？")).answer).toContain("33.8%");
    expect(askedDirection("How much did criminal cases drop?")).toBe("down");
    expect(askedDirection("研发经费投入增长多少？")).toBe("up");
    expect(askedDirection("增减变化多少？")).toBeUndefined();
  });

  it("answers a question about a direction with the clause that says which way it went", async () => {
    const a = await ask("成都的耕地是不是越来越少了");
    expect(a.answer).toMatch(/^不是，/);
    expect(a.answer).toContain("耕地面积连续3年净增加");
    expect((await ask("去年生产安全事故是不是比前年多了")).answer).toMatch(/^不是，.*下降25\.1%/);
  });

  it("does not answer how many there are in all with how many were added", async () => {
    expect((await ask("成都一共有多少家专精特新小巨人企业")).grounded).toBe(false);
    const added = await ask("成都去年新增了多少家专精特新小巨人？");
    expect(added.answer).toContain("新增国家级专精特新“小巨人”企业84家");
    expect(
      (
        await ask("那现在一共有多少家", [
          { role: "user", content: "成都去年新增了多少家专精特新小巨人？" },
        ])
      ).grounded,
    ).toBe(false);
    // adding is what the question asks about: the count added answers it
    expect((await ask("成都去年一共引进了多少个制造业重大项目")).answer).toContain("281个");
  });

  it("checks a figure the question names against the report's figure of that size", async () => {
    const visits = await ask("Did Chengdu get over 200 million tourist visits last year?");
    expect(visits.citations[0]?.text).toContain("全年接待游客2.8亿人次");
    expect(visits.answer).toContain("280 million");
    expect((await ask("成都去年接待游客超过3亿人次了吗？")).answer).toContain("2.8亿人次");
  });

  it("keeps a Chinese question with an English word Chinese", async () => {
    const a = await ask("2024年GDP增长目标是多少？");
    expect(a.language).toBe("zh");
  });

  it("says plainly when the report does not hold the answer", async () => {
    for (const q of [
      "成都现任市长叫什么名字？",
      "Who is the mayor of Chengdu?",
      "成都大运会中国代表团拿了多少枚金牌？",
    ]) {
      const a = await ask(q);
      expect(a.grounded, q).toBe(false);
      expect(a.citations).toEqual([]);
      expect(a.answer).not.toMatch(/\[\d+\]/);
    }
    const zh = await ask("成都现任市长叫什么名字？");
    expect(zh.answer).toBe("《成都市2024年政府工作报告》中没有找到这个问题的答案。");
    const en = await ask("Who is the mayor of Chengdu?");
    expect(en.answer).toBe(
      "The report does not say. Nothing in Chengdu's 2024 government work report answers this question.",
    );
  });

  it("refuses a question about a year the matching passage is not about", async () => {
    const a = await ask("2023年成都社会消费品零售总额是多少？");
    expect(a.grounded).toBe(false);
  });

  it("resolves a follow-up against the previous question", async () => {
    const first = "2024年地区生产总值增长目标是多少？";
    const a = await ask("那社会消费品零售总额呢？", [
      { role: "user", content: first },
      { role: "assistant", content: "2024年工作安排建议提出：地区生产总值增长6%左右 [1]。" },
    ]);
    expect(a.grounded).toBe(true);
    expect(a.answer).toContain("7%");
  });
});

describe("citation lookups", () => {
  const check = (claim: string) => checkClaim(claim, engine.search, engine.index);

  it("supports a claim the report states, in Chinese or English notation", async () => {
    const zh = await check("全社会研发经费投入增长16%");
    expect(zh.supported).toBe(true);
    expect(zh.evidence?.quote).toContain("全社会研发经费投入增长16%");
    expect((await check("成都新能源汽车保有量63.3万辆")).supported).toBe(true);
  });

  it("does not support a changed figure and points at the passage with the right one", async () => {
    const v = await check("全社会研发经费投入增长18%");
    expect(v.supported).toBe(false);
    expect(v.reason).toBe("figure_mismatch");
    expect(v.matches[0]?.passage.text).toContain("增长16%");
    // a figure that exists in the sentence but belongs to another subject
    expect((await check("技术合同成交额增长16%")).supported).toBe(false);
    expect((await check("Chengdu received 3.2 billion tourist visits in 2023.")).supported).toBe(
      false,
    );
  });

  it("does not support what the report never says", async () => {
    const v = await check("成都有300只大熊猫");
    expect(v.supported).toBe(false);
  });
});
