/**
 * The widget over a corpus of two reports, in Chromium against the real server: a table
 * answer (one row per report, its [n] button in the row), source cards that name their
 * report, and a widget limited to one report by data-docs.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  type Browser,
  freePort,
  launchBrowser,
  openPage,
  type RealServer,
  SKIP_BROWSER,
  startHostPage,
  startServer,
} from "./harness.js";
import { BEIJING, SHANGHAI, TABLE_QUESTION, twoReportCorpus } from "./two-reports.js";

const ANSWERED = "[data-part=message][data-role=assistant][data-grounded]";
const PLAN = "二、2025年主要任务";

describe.skipIf(SKIP_BROWSER)("the widget over two reports", () => {
  let corpus: Awaited<ReturnType<typeof twoReportCorpus>>;
  let server: RealServer;
  let host: Awaited<ReturnType<typeof startHostPage>>;
  let browser: Browser;

  beforeAll(async () => {
    corpus = await twoReportCorpus();
    const serverPort = await freePort();
    host = await startHostPage(`http://127.0.0.1:${serverPort}`);
    server = await startServer({
      corsOrigin: host.origin,
      port: serverPort,
      env: { CORPUS_DIR: corpus.dir },
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
    await corpus?.remove();
  }, 30_000);

  it("shows a table answer as a table, each row's [n] opening its report's passage", async () => {
    const page = await openPage(browser);
    await page.goto(`${server.url}/`);
    const input = page.locator("[data-part=input]");
    await input.fill(TABLE_QUESTION);
    await input.press("Enter");
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    expect(await answer.getAttribute("data-grounded")).toBe("true");
    expect(await answer.getAttribute("data-kind")).toBe("table");
    expect(await answer.locator(".lead").textContent()).toBe("各报告的情况：");

    const table = answer.locator("table[data-part=table]");
    expect(await table.locator("caption").textContent()).toBe("各报告的情况");
    expect(await table.locator("thead th[scope=col]").allTextContents()).toEqual([
      "报告",
      "指标",
      "数字",
      "原文",
    ]);
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await rows.locator("th[scope=row]").allTextContents()).toEqual([
      "上海市（2025年）",
      "北京市（2025年）",
    ]);
    expect(
      await rows
        .locator("th[scope=row]")
        .evaluateAll((ths) => ths.map((th) => th.getAttribute("title"))),
    ).toEqual([SHANGHAI, BEIJING]);
    expect(await rows.locator("td").allTextContents()).toEqual([
      "生产总值",
      "5.5%左右",
      "生产总值增长5.5%左右 1",
      "地区生产总值",
      "5%左右",
      "地区生产总值增长5%左右 2",
    ]);
    const buttons = rows.locator("button[data-part=citation]");
    expect(await buttons.evaluateAll((bs) => bs.map((b) => b.getAttribute("data-n")))).toEqual([
      "1",
      "2",
    ]);
    // the sources under an answer from several reports are named by report
    expect(await answer.locator(".sources .chip .label").allTextContents()).toEqual([
      SHANGHAI,
      BEIJING,
    ]);

    // the second row's button opens Beijing's passage, titled, with the figure marked
    await rows.nth(1).locator("button[data-part=citation]").click();
    const source = answer.locator("[data-part=source]");
    await source.waitFor();
    expect(await rows.nth(1).locator("button").getAttribute("aria-expanded")).toBe("true");
    expect(await source.getAttribute("data-doc")).toBe(BEIJING);
    const report = source.locator("[data-part=report]");
    const path = source.locator("[data-part=path]");
    expect(await report.textContent()).toBe(BEIJING);
    expect(await path.textContent()).toBe(`${PLAN} › 今年经济社会发展的主要预期目标是`);
    // measured in one go: the card may still be sliding in
    const gap = await source.evaluate((card) => {
      const top = (part: string) =>
        card.querySelector(`[data-part=${part}]`)?.getBoundingClientRect();
      const [title, where] = [top("report"), top("path")];
      return (where?.top ?? 0) - (title?.bottom ?? 0);
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(await source.locator("mark").allTextContents()).toEqual(["地区生产总值增长5%左右"]);
    await page.screenshot({ path: join(ARTIFACTS, "table-answer.png"), animations: "disabled" });

    // the first row's button puts Shanghai's passage in its place
    await rows.nth(0).locator("button[data-part=citation]").click();
    await expect.poll(() => source.getAttribute("data-doc")).toBe(SHANGHAI);
    expect(await source.locator("[data-part=report]").textContent()).toBe(SHANGHAI);
    expect(await answer.locator("[data-part=source]").count()).toBe(1);
    expect(await rows.nth(1).locator("button").getAttribute("aria-expanded")).toBe("false");
    expect(page.problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("fits a table answer on a 375 px wide phone without horizontal overflow", async () => {
    const page = await openPage(browser, 375, 812);
    await page.goto(`${host.origin}/embed?lang=zh&page-lang=zh-CN`);
    await page.locator("[data-part=launcher]").click();
    const input = page.locator("[data-part=input]");
    await input.fill(TABLE_QUESTION);
    await input.press("Enter");
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    expect(await answer.locator("tbody tr").count()).toBe(2);
    await answer.locator("[data-part=citation]").first().click();
    await answer.locator("[data-part=source]").waitFor();
    await page.waitForTimeout(300); // let the card's entry animation finish
    const wide = await page.evaluate(() => {
      const root = document.querySelector("report-qa-chat")?.shadowRoot;
      return [...(root?.querySelectorAll("*") ?? [])]
        .filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "hidden",
        )
        .map((el) => `${el.tagName}.${el.className}`);
    });
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await page.screenshot({ path: join(ARTIFACTS, "table-375.png"), animations: "disabled" });
    expect(page.problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("data-docs limits the embedded widget to one report: the API gets docs and answers from it", async () => {
    const page = await openPage(browser);
    await page.goto(
      `${host.origin}/embed?lang=zh&page-lang=zh-CN&docs=${encodeURIComponent(BEIJING)}`,
    );
    await page.locator("[data-part=launcher]").click();
    // the one report it covers names the panel
    await expect.poll(() => page.locator(".title").textContent()).toBe(BEIJING);
    const asked = page.waitForRequest((r) => r.url().endsWith("/api/ask"));
    const input = page.locator("[data-part=input]");
    await input.fill(TABLE_QUESTION);
    await input.press("Enter");
    expect((await asked).postDataJSON()).toEqual({ question: TABLE_QUESTION, docs: [BEIJING] });

    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    expect(await answer.getAttribute("data-kind")).toBeNull();
    expect(await answer.locator("table").count()).toBe(0);
    expect(await answer.locator(".bubble").textContent()).toBe(
      "据《2025年北京市政府工作报告》，2025年计划：地区生产总值增长5%左右 1。",
    );
    await answer.locator("[data-part=citation]").first().click();
    const source = answer.locator("[data-part=source]");
    await source.waitFor();
    expect(await source.getAttribute("data-doc")).toBe(BEIJING);
    expect(await source.locator("[data-part=report]").textContent()).toBe(BEIJING);
    await page.screenshot({
      path: join(ARTIFACTS, "embed-one-report.png"),
      animations: "disabled",
    });
    expect(page.problems).toEqual([]);
    await page.close();
  }, 90_000);
});
