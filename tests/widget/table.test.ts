/**
 * A table answer in the chat widget, in a real browser against the real server over four
 * real reports: the verdict and heading as text, one table row per report, each row's
 * citation opening its passage.
 */
import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  type Browser,
  freePort,
  launchBrowser,
  type RealServer,
  ROOT,
  SKIP_BROWSER,
  startServer,
} from "./harness.js";

const REPORTS = ["北京市", "天津市", "上海市", "重庆市"].map(
  (p) => `tests/fixtures/reports/provinces-2025/2025年${p}政府工作报告.docx`,
);
const QUESTION = "四个直辖市2025年城镇调查失业率目标分别是多少？";

describe.skipIf(SKIP_BROWSER)("a table answer in the widget", () => {
  let server: RealServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rqa-widget-table-"));
    const corpus = join(dir, "corpus");
    await mkdir(corpus);
    for (const r of REPORTS)
      await symlink(join(ROOT, r), join(corpus, r.split("/").pop() as string));
    const port = await freePort();
    server = await startServer({
      corsOrigin: "http://127.0.0.1:1",
      port,
      env: { CORPUS_DIR: corpus },
    });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 30_000);

  it("renders one row per report, with the citation that proves it", async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/`);
    const input = page.locator("[data-part=input]");
    await input.fill(QUESTION);
    await input.press("Enter");
    const answer = page.locator("[data-part=message][data-role=assistant][data-grounded]").first();
    await answer.waitFor({ timeout: 30_000 });
    const table = answer.locator("[data-part=table]");
    expect(await table.locator("thead th").allTextContents()).toEqual([
      "报告",
      "指标",
      "数字",
      "原文",
    ]);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(0).locator("th").first().textContent()).toBe("北京市（2025年）");
    expect(await rows.nth(3).textContent()).toContain("报告中没有这项数字");
    // the rows are not repeated as text above the table
    const bubble = await answer.locator(".bubble").textContent();
    expect(bubble?.match(/北京市（2025年）/g)).toHaveLength(1);
    await rows.nth(0).locator("[data-part=citation]").click();
    const source = answer.locator("[data-part=source]");
    await source.waitFor();
    expect(await source.textContent()).toContain("城镇调查失业率控制在5%以内");
    await page.screenshot({ path: join(ARTIFACTS, "widget-table.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
