import { describe, expect, it } from "vitest";
import { displayWidth, textTable } from "../../src/server/text-table.js";

describe("a table answer as text", () => {
  it("counts Chinese and full-width characters two columns wide", () => {
    expect(displayWidth("Beijing (2025)")).toBe(14);
    expect(displayWidth("北京市（2025年）")).toBe(16);
    expect(displayWidth("5%以上：")).toBe(8);
  });

  it("keeps the lines that are not rows and aligns every column but the last", () => {
    const answer = [
      "Highest: Shanghai (5.5%).",
      "By report:",
      "Shanghai (2025): 5.5% [1] (“全市生产总值增长5.5%左右”)",
      "Beijing (2025): about 5% [2] (“地区生产总值增长5%左右”)",
    ].join("\n");
    const table = {
      columns: ["Report", "Figure", "Report's words"],
      rows: [
        {
          doc: "sh",
          title: "上海",
          cells: ["Shanghai (2025)", "5.5%", "全市生产总值增长5.5%左右"],
          n: 1,
        },
        {
          doc: "bj",
          title: "北京",
          cells: ["Beijing (2025)", "about 5%", "地区生产总值增长5%左右"],
          n: 2,
        },
      ],
    };
    expect(textTable(answer, table)).toBe(
      [
        "Highest: Shanghai (5.5%).",
        "By report:",
        "Report           Figure    Report's words",
        "Shanghai (2025)  5.5%      全市生产总值增长5.5%左右 [1]",
        "Beijing (2025)   about 5%  地区生产总值增长5%左右 [2]",
      ].join("\n"),
    );
  });

  it("leaves an answer without rows as it is", () => {
    expect(textTable("没有报告符合这个条件。", { columns: ["报告", "原文"], rows: [] })).toBe(
      "没有报告符合这个条件。",
    );
  });
});
