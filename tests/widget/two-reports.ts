/** Two tiny provincial reports in a temporary corpus: enough for answers over several reports. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const BEIJING = "2025年北京市政府工作报告";
export const SHANGHAI = "2025年上海市政府工作报告";

const REPORTS: Record<string, string> = {
  [BEIJING]: `2025年北京市政府工作报告

一、2024年工作回顾

过去一年，全市经济运行稳中有进，地区生产总值增长5.2%，城镇新增就业29.9万人。

二、2025年主要任务

今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇调查失业率控制在5%以内，居民消费价格涨幅2%左右。
`,
  [SHANGHAI]: `2025年上海市政府工作报告

一、2024年工作回顾

过去一年，全市生产总值增长5%，城镇新增就业62.2万人。

二、2025年主要任务

今年全市经济社会发展的主要预期目标是：全市生产总值增长5.5%左右，城镇调查失业率5%以内，居民消费价格涨幅2%左右。
`,
};

/** A question whose answer is one line per report. */
export const TABLE_QUESTION = "各省2025年GDP增长目标";

/** Writes the two reports into a new folder; `remove` deletes it. */
export async function twoReportCorpus(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "rqa-two-reports-"));
  for (const [doc, text] of Object.entries(REPORTS)) {
    await writeFile(join(dir, `${doc}.txt`), text, "utf8");
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
