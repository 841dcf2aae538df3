import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFigureFile } from "../../src/figures/figure-file.js";
import { ingestFile } from "../../src/ingest/ingest-file.js";
import { reportsTable } from "./reports.js";

const NAMES = [
  "地区生产总值",
  "规模以上工业增加值",
  "固定资产投资",
  "社会消费品零售总额",
  "一般公共预算收入",
  "城镇新增就业",
  "城镇调查失业率",
  "居民消费价格涨幅",
  "粮食产量",
  "单位地区生产总值能耗",
  "常住人口城镇化率",
  "空气质量优良天数",
];
const VERBS = ["增长", "下降", "控制在", "达到", "稳定在", ""];
const UNITS = ["%", "万人", "亿元", "万吨", "亿斤", "天", "个百分点"];
const BOUNDS = ["左右", "以上", "以内", ""];

const statement = fc.record({
  verb: fc.constantFrom(...VERBS),
  value: fc.oneof(
    fc.integer({ min: 1, max: 9999 }),
    fc.integer({ min: 1, max: 999 }).map((n) => n / 10),
  ),
  unit: fc.constantFrom(...UNITS),
  bound: fc.constantFrom(...BOUNDS),
});
const paragraph = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 8 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(statement, { minLength: names.length, maxLength: names.length }),
      fc.array(fc.constantFrom("，", "；"), { minLength: names.length, maxLength: names.length }),
    ),
  );

describe("every row's offsets slice the document text", () => {
  it("to the figure and its indicator, in generated targets paragraphs", async () => {
    await fc.assert(
      fc.asyncProperty(paragraph, async ([names, statements, marks]) => {
        const said = names.map((n, i) => {
          const s = statements[i] as (typeof statements)[number];
          return { name: n, ...s, text: `${n}${s.verb}${s.value}${s.unit}${s.bound}` };
        });
        const body = said
          .map((s, i) => `${s.text}${i < said.length - 1 ? marks[i] : "。"}`)
          .join("");
        const raw = `2025年某省政府工作报告\n\n各位代表：\n\n一、2024年工作回顾\n\n过去一年，全省地区生产总值增长5.2%。\n\n二、2025年工作安排\n\n今年经济社会发展的主要预期目标是：${body}\n`;
        const { docs, passages } = ingestFile({ name: "t.txt", format: "txt", raw, meta: {} });
        const doc = docs[0];
        if (!doc) throw new Error("no document");
        const { rows } = await buildFigureFile(docs, passages);
        for (const r of rows) {
          expect(doc.text.slice(r.start, r.end)).toBe(r.figure);
          expect(r.indicatorEnd).toBeLessThanOrEqual(r.start);
        }
        const main = rows.filter((r) => r.main);
        expect(main.map((r) => [r.indicator, r.value, r.unit, r.qualifier])).toEqual(
          said.map((s) => [s.name, s.value, s.unit, s.bound || boundBefore(s.verb)]),
        );
        for (const r of main) {
          expect(doc.text.slice(r.indicatorStart, r.indicatorEnd)).toBe(r.indicator);
          expect([r.kind, r.year]).toEqual(["target", 2025]);
        }
        const review = rows.filter((r) => !r.main);
        expect(review.map((r) => [r.indicator, r.figure, r.kind, r.year])).toEqual([
          ["地区生产总值", "5.2%", "result", 2024],
        ]);
      }),
      { numRuns: 150 },
    );
  });

  it("to the figure as written, in every row of the 45 reports", { timeout: 120_000 }, async () => {
    const { docs, table } = await reportsTable();
    expect(table.rows.length).toBeGreaterThan(5000);
    for (const r of table.rows) {
      const text = docs.get(r.doc)?.text ?? "";
      expect(text.slice(r.start, r.end)).toBe(r.figure);
      expect(r.indicatorStart).toBeLessThan(r.indicatorEnd);
      // a bound written after the figure is its qualifier (a 分别 list's may come from its end)
      const bound = text.slice(r.end, r.qualifierEnd);
      if (bound) expect(bound).toBe(r.qualifier);
    }
  });
});

/** The bound a verb writes before its figure, when no bound follows it. */
const boundBefore = (verb: string) =>
  verb === "控制在" ? "控制在" : verb === "达到" ? "达到" : "";
