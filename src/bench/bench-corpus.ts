import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { combinedCorpus, MANY_REPORTS } from "../eval/eval-corpus.js";

/** The report edited by the update bench, inside the bench corpus folder. */
const EDITED = "0/chengdu-2024-government-work-report.txt";
const ADDED = "extra-report.md";

/**
 * The 45 reports (the project's corpus and the fixtures) as one folder of links, and the
 * edits the update bench makes in it: one report changed (its link replaced by a copy with a
 * paragraph more), one report added, and that one removed again.
 */
export async function benchCorpus() {
  const dir = await combinedCorpus(MANY_REPORTS, "report-qa-bench");
  const original = await readFile(join(dir, EDITED), "utf8");
  return {
    dir,
    async change(round: number) {
      await rm(join(dir, EDITED));
      await writeFile(
        join(dir, EDITED),
        `${original}\n\n全年新建口袋公园${40 + round}个，新增绿道${300 + round}公里。\n`,
      );
    },
    async add() {
      await writeFile(
        join(dir, ADDED),
        "# 某市2025年政府工作报告\n\n## 一、2024年工作回顾\n\n全市地区生产总值增长5.1%，城镇新增就业12.3万人。\n\n## 二、2025年工作安排\n\n地区生产总值增长5%左右，新建保障性住房8000套。\n",
      );
    },
    async remove() {
      await rm(join(dir, ADDED));
    },
  };
}
