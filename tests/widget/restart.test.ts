/**
 * An answer that starts over, in Chromium against the real server in model mode: the model
 * (a fake OpenAI-compatible server this test starts) writes a sentence that passes the
 * checks, then one with an invented figure; the server gives the model's answer up and
 * streams the offline one after a second `citations` event. The text shown so far must go.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeOpenAI, passageNumber, startFakeOpenAI } from "../model/fake-openai.js";
import {
  ARTIFACTS,
  type Browser,
  launchBrowser,
  openPage,
  type RealServer,
  SKIP_BROWSER,
  startServer,
} from "./harness.js";

const QUESTION = "2023年全社会研发经费投入增长多少？";
const ANSWERED = "[data-part=message][data-role=assistant][data-grounded]";

describe.skipIf(SKIP_BROWSER)("an answer that starts over", () => {
  let model: FakeOpenAI;
  let server: RealServer;
  let browser: Browser;

  beforeAll(async () => {
    model = await startFakeOpenAI();
    server = await startServer({
      corsOrigin: "http://127.0.0.1:1",
      env: { OPENAI_API_KEY: "sk-fake-key-for-tests", OPENAI_BASE_URL: model.url },
    });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await model?.close();
  }, 30_000);

  it("clears the text built so far when a second citations event comes", async () => {
    let n = 0;
    model.reply((call) => {
      n = passageNumber(call.user, "研发经费投入增长16%") ?? 0;
      // the first sentence passes the checks; the second invents a figure
      return {
        text: `技术合同成交额增长10% [${n}]。全社会研发经费投入增长99% [${n}]。`,
        pieces: 2,
      };
    });
    const page = await openPage(browser);
    await page.goto(`${server.url}/`);
    // every render of the answer while it streams, as the text it showed
    await page.evaluate(() => {
      const w = window as unknown as { shown: string[] };
      w.shown = [];
      const root = document.querySelector("report-qa-chat")?.shadowRoot;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          const streaming = !el.isConnected || el.closest?.("[aria-busy=true]");
          if (!el.classList?.contains("bubble") || !streaming || !r.addedNodes.length) continue;
          w.shown.push([...r.addedNodes].map((node) => node.textContent).join(""));
        }
      }).observe(root as ShadowRoot, { childList: true, subtree: true });
    });
    const input = page.locator("[data-part=input]");
    await input.fill(QUESTION);
    await input.press("Enter");
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });

    const final = (await answer.locator(".bubble").textContent()) ?? "";
    expect(final).toBe("据《成都市2024年政府工作报告》，2023年，全社会研发经费投入增长16% 1。");
    const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
    const model1 = `技术合同成交额增长10% ${n}。`;
    // the model's checked sentence was on screen, then gave way: nothing shown was the old
    // text followed by the new, each render is the start of one answer or the other
    expect(n).toBeGreaterThan(0);
    expect(shown).toContain(model1);
    expect(shown.filter((s) => !model1.startsWith(s) && !final.startsWith(s))).toEqual([]);
    expect(shown.at(-1)).not.toContain("技术合同");
    expect(final).not.toContain("99%");
    await page.screenshot({ path: join(ARTIFACTS, "restart.png"), animations: "disabled" });
    expect(page.problems).toEqual([]);
    await page.close();
  }, 90_000);
});
