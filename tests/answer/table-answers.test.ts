import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAnswer } from "../../src/answer/verify.js";
import { buildEngine } from "../../src/build-engine.js";
import { loadConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { displayWidth } from "../../src/server/text-table.js";

/** Eight real reports: the four municipalities' 2025 reports and the national 2015–2018 ones. */
const REPORTS = [
  "provinces-2025/2025年北京市政府工作报告.docx",
  "provinces-2025/2025年天津市政府工作报告.docx",
  "provinces-2025/2025年上海市政府工作报告.docx",
  "provinces-2025/2025年重庆市政府工作报告.docx",
  "national-2003-2018/2015年国务院政府工作报告.txt",
  "national-2003-2018/2016年国务院政府工作报告.txt",
  "national-2003-2018/2017年国务院政府工作报告.txt",
  "national-2003-2018/2018年国务院政府工作报告.txt",
];

let dir: string;
let engine: Engine;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rqa-table-"));
  const corpus = join(dir, "corpus");
  await mkdir(corpus);
  for (const r of REPORTS) {
    const name = r.split("/")[1] as string;
    await symlink(resolve("tests/fixtures/reports", r), join(corpus, name));
  }
  const config = loadConfig({
    CORPUS_DIR: corpus,
    INDEX_DIR: join(dir, "index"),
    LOG_LEVEL: "silent",
  });
  engine = await buildEngine(config, createLogger("silent"));
  app = createApp({ config, log: createLogger("silent"), engine: () => engine });
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ask = (question: string) => engine.asker.ask({ question });

describe("questions over several reports, answered from the figure table", () => {
  it("gives one cited line per report, and says so for a report without the figure", async () => {
    const a = await ask("四个直辖市2025年一般公共预算收入增长目标分别是多少？");
    expect(a.answer).toBe(
      [
        "各报告的情况：",
        "北京市（2025年）：一般公共预算收入增长4%左右 [1]",
        "天津市（2025年）：一般公共预算收入增长3%左右 [2]",
        "上海市（2025年）：地方一般公共预算收入增长2% [3]",
        "重庆市（2025年）：一般公共预算收入增长4.5% [4]",
      ].join("\n"),
    );
    expect(a.citations.map((c) => c.doc)).toEqual([
      "2025年北京市政府工作报告",
      "2025年天津市政府工作报告",
      "2025年上海市政府工作报告",
      "2025年重庆市政府工作报告",
    ]);
    expect(verifyAnswer(a.answer, a.citations).ok).toBe(true);
    const some = await ask("四个直辖市2025年的固定资产投资增长目标分别是多少？");
    expect(some.answer).toBe(
      [
        "各报告的情况：",
        "北京市（2025年）：报告中没有这项数字。",
        "天津市（2025年）：固定资产投资增长3%左右 [1]",
        "上海市（2025年）：报告中没有这项数字。",
        "重庆市（2025年）：固定资产投资增长5% [2]",
      ].join("\n"),
    );
    // no report states one: no line to give
    expect((await ask("四个直辖市2025年的粮食产量目标各是多少？")).grounded).toBe(false);
  });

  it("keeps the reports that meet the question's condition, in English", async () => {
    const a = await ask(
      "Which municipalities set a fixed-asset investment growth target of 5% or more for 2025?",
    );
    expect(a.answer).toBe(
      "Reports that meet the condition:\nChongqing (2025): fixed-asset investment growth of 5% [1] (“固定资产投资增长5%”)",
    );
    expect(a.citations[0]?.doc).toBe("2025年重庆市政府工作报告");
  });

  it("sets the plan of one report against the review in the next for a target met or missed", async () => {
    const a = await ask("Did China meet its 2016 growth target?");
    expect(a.answer.split("\n")[0]).toBe(
      "Yes, it met the target: 6.7% against a target of 6.5%–7%.",
    );
    expect(a.citations.map((c) => c.doc)).toEqual([
      "2016年国务院政府工作报告",
      "2017年国务院政府工作报告",
    ]);
  });

  it("reads an approximate target as approximate, and a bound before the figure as a ceiling", async () => {
    const about = await ask("2015年经济增长目标完成了吗？");
    expect(about.answer.split("\n")[0]).toBe("基本完成（目标为约数）：实际为6.9%，目标为7%左右。");
    const en = await ask("Did the national economy reach its 2015 growth target?");
    expect(en.answer.split("\n")[0]).toBe(
      "Roughly, yes (the target was approximate): 6.9% against a target of about 7%.",
    );
    const same = await ask("Compare Beijing's and Shanghai's unemployment targets");
    expect(same.answer.split("\n")[0]).toBe("The same: Beijing (2025), Shanghai (2025) all at 5%.");
  });

  it("answers one year against another, and which is highest", async () => {
    const yes = await ask("2017年的城镇新增就业目标比2016年高吗？");
    expect(yes.answer.split("\n")[0]).toBe("是的：2017年为1100万人以上，2016年为1000万人以上。");
    const top = await ask("2015年到2017年，全国哪一年城镇新增就业最多？");
    expect(top.answer.split("\n")[0]).toBe("最高：全国（2017年）（1351万人）。");
    expect(top.answer).toContain("全国（2015年）：城镇新增就业1312万人 [1]");
  });
});

describe("table answers over HTTP", () => {
  const post = (body: Record<string, unknown>) =>
    app.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const question = "四个直辖市2025年城镇调查失业率目标分别是多少？";

  it("carry their rows beside the text, each with the n of its citation", async () => {
    const body = (await (await post({ question })).json()) as {
      citations: { n: number; doc: string }[];
      table: { columns: string[]; rows: { doc: string; cells: string[]; n: number }[] };
    };
    expect(body.table.columns).toEqual(["报告", "指标", "数字", "原文"]);
    expect(body.table.rows.map((r) => [r.cells[0], r.cells[2], r.n])).toEqual([
      ["北京市（2025年）", "5%以内", 1],
      ["天津市（2025年）", "5.5%左右", 2],
      ["上海市（2025年）", "5%以内", 3],
      ["重庆市（2025年）", "—", 0],
    ]);
    for (const r of body.table.rows.filter((x) => x.n > 0))
      expect(body.citations.find((c) => c.n === r.n)?.doc).toBe(r.doc);
  });

  it("come as aligned lines for format: text", async () => {
    const body = (await (await post({ question, format: "text" })).json()) as { answer: string };
    const lines = body.answer.split("\n");
    expect(lines[0]).toBe("各报告的情况：");
    expect(lines[1]).toMatch(/^报告\s+指标\s+数字\s+原文$/);
    const rows = lines.slice(2, 6);
    expect(rows[0]).toMatch(/^北京市（2025年）\s+城镇调查失业率\s+5%以内\s+\S.*\[1\]$/);
    expect(rows[3]).toMatch(/^重庆市（2025年）\s+—/);
    expect(rows[3]).not.toContain("[");
    // the figure column starts at the same width on every line that has one
    const at = (l: string, f: string) => displayWidth(l.slice(0, l.indexOf(f)));
    expect(
      new Set([at(rows[0] ?? "", "5%"), at(rows[1] ?? "", "5.5%"), at(rows[2] ?? "", "5%")]).size,
    ).toBe(1);
    expect(lines[6]).toBe("");
    expect(lines[7]).toBe("来源：");
  });
});
