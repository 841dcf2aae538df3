/**
 * The chat widget in a real browser against the real server (tsx src/main.ts): the full
 * page at /, the embed script on another origin, a phone-sized viewport, and errors.
 * Screenshots go to tests/artifacts/.
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
  WIDGET_KEY,
} from "./harness.js";

const ZH_QUESTION = "2023年全社会研发经费投入增长多少？";
const EN_QUESTION = "How much did R&D spending grow in 2023?";
const ANSWERED = "[data-part=message][data-role=assistant][data-grounded]";

type Passage = { id: string; section: string[]; text: string };

describe.skipIf(SKIP_BROWSER)("chat widget in Chromium", () => {
  let server: RealServer;
  let host: Awaited<ReturnType<typeof startHostPage>>;
  let browser: Browser;

  beforeAll(async () => {
    // the host page's origin must be known before the server starts (CORS_ORIGINS)
    const serverPort = await freePort();
    host = await startHostPage(`http://127.0.0.1:${serverPort}`);
    server = await startServer({ corsOrigin: host.origin, port: serverPort });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await server?.stop();
  }, 30_000);

  const newPage = (width?: number, height?: number) => openPage(browser, width, height);

  async function passage(id: string): Promise<Passage> {
    const res = await fetch(`${server.url}/api/passages/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${WIDGET_KEY}`, origin: host.origin },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Passage;
  }

  it("GET / answers a Chinese question; a citation opens its passage and section path", async () => {
    const page = await newPage();
    const res = await page.goto(`${server.url}/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["content-security-policy"]).toContain("default-src 'self'");
    await expect.poll(() => page.locator(".title").textContent()).toContain("成都");

    // count renders of the answer while it streams (before the final `answer` event)
    await page.evaluate(() => {
      const w = window as unknown as { streamed: number };
      w.streamed = 0;
      const root = document.querySelector("report-qa-chat")?.shadowRoot;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          const streaming = !el.isConnected || el.closest?.("[aria-busy=true]");
          if (el.classList?.contains("bubble") && streaming && r.addedNodes.length) w.streamed++;
        }
      }).observe(root as ShadowRoot, { childList: true, subtree: true });
    });
    const input = page.locator("[data-part=input]");
    await input.fill(ZH_QUESTION);
    await input.press("Enter");
    await expect.poll(() => input.inputValue()).toBe("");
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    expect(await answer.getAttribute("data-grounded")).toBe("true");
    expect(await answer.textContent()).toContain("16%");
    expect(
      await page.evaluate(() => (window as unknown as { streamed: number }).streamed),
    ).toBeGreaterThan(0);
    expect(await page.locator("[data-part=message][data-role=user]").textContent()).toBe(
      ZH_QUESTION,
    );

    const cite = answer.locator("[data-part=citation]").first();
    expect(await answer.locator("[data-part=citation]").count()).toBeGreaterThan(0);
    await cite.click();
    const source = answer.locator("[data-part=source]");
    await source.waitFor();
    expect(await cite.getAttribute("aria-expanded")).toBe("true");
    const id = await source.getAttribute("data-id");
    expect(id).toBeTruthy();
    const p = await passage(id ?? "");
    expect(p.section.length).toBeGreaterThan(0);
    expect(await source.locator("[data-part=path]").textContent()).toBe(p.section.join(" › "));
    expect(await source.locator("[data-part=report]").textContent()).toBe(
      "成都市2024年政府工作报告",
    );
    const marked = (await source.locator("mark").allTextContents()).join("");
    expect(marked.length).toBeGreaterThan(0);
    expect(p.text).toContain(marked.slice(0, 20));
    expect((await source.locator(".passage").textContent()) ?? "").toBe(p.text);
    await page.screenshot({ path: join(ARTIFACTS, "page-zh.png"), animations: "disabled" });

    // a follow-up carries the conversation so far
    const asked = page.waitForRequest((r) => r.url().endsWith("/api/ask"));
    await input.fill("技术合同成交额增长多少？");
    await page.locator("[data-part=send]").click();
    const body = (await asked).postDataJSON() as { question: string; history: unknown[] };
    expect(body.history).toEqual([
      { role: "user", content: ZH_QUESTION },
      { role: "assistant", content: expect.stringContaining("16%") },
    ]);
    await expect.poll(() => page.locator(ANSWERED).count(), { timeout: 30_000 }).toBe(2);
    await page.screenshot({
      path: join(ARTIFACTS, "page-zh-followup.png"),
      animations: "disabled",
    });
    expect(page.problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("says plainly when the report does not hold the answer", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    const input = page.locator("[data-part=input]");
    await input.fill("火星上有多少企鹅？");
    await input.press("Enter");
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    expect(await answer.getAttribute("data-grounded")).toBe("false");
    expect(await answer.locator("[data-part=citation]").count()).toBe(0);
    expect(await answer.locator(".sources").count()).toBe(0);
    expect(await answer.locator(".note").textContent()).toBe("报告中未提及");
    await page.screenshot({ path: join(ARTIFACTS, "page-not-found.png"), animations: "disabled" });
    expect(page.problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("embeds on another origin: launcher, English answer with citations, keys", async () => {
    const page = await newPage();
    await page.goto(`${host.origin}/embed?lang=en`);
    const launcher = page.locator("[data-part=launcher]");
    const panel = page.locator("[data-part=panel]");
    await launcher.waitFor();
    expect(await panel.isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, "embed-closed.png"), animations: "disabled" });

    await launcher.click();
    await panel.waitFor();
    expect(await launcher.getAttribute("aria-expanded")).toBe("true");
    const input = page.locator("[data-part=input]");
    await expect.poll(() => input.evaluate((el) => el.matches(":focus"))).toBe(true);
    expect(await page.locator("[data-part=send]").getAttribute("aria-label")).toBe("Send");
    // the host's `button { background: #0f0 !important }` does not reach inside
    const sendBg = await page
      .locator("[data-part=send]")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(sendBg).not.toBe("rgb(0, 255, 0)");
    // nor do inherited properties set on the host element (`* { letter-spacing }`)
    const typed = await input.evaluate((el) => {
      const s = getComputedStyle(el);
      return { spacing: s.letterSpacing, size: s.fontSize };
    });
    expect(typed).toEqual({ spacing: "normal", size: "16px" });

    // Shift+Enter is a new line, not a send
    await input.type("line one");
    await input.press("Shift+Enter");
    await input.type("line two");
    expect(await input.inputValue()).toBe("line one\nline two");
    expect(await page.locator("[data-part=message]").count()).toBe(0);

    await input.fill(EN_QUESTION);
    await input.press("Enter");
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, "embed-en-answer.png"), animations: "disabled" });
    expect(await answer.getAttribute("data-grounded")).toBe("true");
    expect(await answer.textContent()).toContain("16");
    const cites = answer.locator("[data-part=citation]");
    expect(await cites.count()).toBeGreaterThan(0);
    await cites.first().click();
    await answer.locator("[data-part=source]").waitFor();
    expect(await answer.locator("[data-part=source] mark").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, "embed-en.png"), animations: "disabled" });

    // Esc closes the panel and gives focus back to the launcher
    await input.focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await launcher.getAttribute("aria-expanded")).toBe("false");
    expect(await launcher.evaluate((el) => el.matches(":focus"))).toBe(true);

    // the host themes it through custom properties
    await page.evaluate(() =>
      document
        .querySelector<HTMLElement>("report-qa-chat")
        ?.style.setProperty("--rqa-accent", "#0066cc"),
    );
    expect(await launcher.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      "rgb(0, 102, 204)",
    );
    expect(page.problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("fits a 375 px wide phone without horizontal overflow", async () => {
    const page = await newPage(375, 812);
    await page.goto(`${host.origin}/embed?lang=zh&page-lang=zh-CN`);
    await page.locator("[data-part=launcher]").click();
    const input = page.locator("[data-part=input]");
    await input.fill(ZH_QUESTION);
    await input.press("Enter");
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    await answer.locator("[data-part=citation]").first().click();
    await answer.locator("[data-part=source]").waitFor();
    await page.waitForTimeout(300); // let the card's entry animation finish

    const box = await page.locator("[data-part=panel]").boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
    const overflow = await page.evaluate(() => {
      const root = document.querySelector("report-qa-chat")?.shadowRoot;
      const wide = [...(root?.querySelectorAll("*") ?? [])].filter(
        (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "hidden",
      );
      return {
        page: document.documentElement.scrollWidth,
        wide: wide.map((el) => `${el.tagName}.${el.className}`),
      };
    });
    expect(overflow.page).toBeLessThanOrEqual(375);
    expect(overflow.wide).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "mobile-375.png"), animations: "disabled" });

    // the full page at the same width
    await page.goto(`${server.url}/`);
    await page.locator("[data-part=input]").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await page.screenshot({ path: join(ARTIFACTS, "mobile-375-page.png"), animations: "disabled" });
    expect(page.problems).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows an error with a retry and keeps the typed question when the server is down", async () => {
    const closed = await freePort();
    const page = await newPage(375, 812);
    await page.goto(`${host.origin}/embed?lang=zh&endpoint=http://127.0.0.1:${closed}`);
    await page.locator("[data-part=launcher]").click();
    const input = page.locator("[data-part=input]");
    await input.fill(ZH_QUESTION);
    await page.locator("[data-part=send]").click();

    const error = page.locator("[data-part=error]");
    await error.waitFor({ timeout: 15_000 });
    expect(await error.getAttribute("role")).toBe("alert");
    expect(await error.textContent()).toContain("无法连接");
    expect(await input.inputValue()).toBe(ZH_QUESTION);
    await page.screenshot({ path: join(ARTIFACTS, "error.png"), animations: "disabled" });

    const retry = error.locator("button", { hasText: "重试" });
    expect(await retry.count()).toBe(1);
    await retry.click();
    await expect.poll(() => page.locator("[data-part=error]").count()).toBe(1);
    await page.locator("[data-part=error]").waitFor();
    expect(await input.inputValue()).toBe(ZH_QUESTION);
    expect(await page.locator("[data-part=message][data-role=user]").count()).toBe(1);
    await page.close();
  }, 60_000);

  it("explains a 429 and a broken stream, and a retry then gets the answer", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    // the real server is not made to fail: these two responses are stand-ins
    const fakes: { status: number; headers: Record<string, string>; body: string }[] = [
      {
        status: 429,
        headers: { "Retry-After": "7", "Content-Type": "application/json" },
        body: JSON.stringify({ error: { code: "rate_limited", message: "slow down" } }),
      },
      {
        status: 200,
        headers: { "Content-Type": "text/event-stream" },
        body: `event: citations\ndata: []\n\nevent: error\ndata: ${JSON.stringify({
          error: { code: "internal", message: "the answer could not be completed" },
        })}\n\n`,
      },
    ];
    await page.route("**/api/ask", (route) => {
      const fake = fakes.shift();
      return fake ? route.fulfill(fake) : route.continue();
    });
    const input = page.locator("[data-part=input]");
    const error = page.locator("[data-part=error]");
    await input.fill(ZH_QUESTION);
    await input.press("Enter");
    await error.waitFor();
    expect(await error.textContent()).toContain("7 秒");
    expect(await input.inputValue()).toBe(ZH_QUESTION);

    await error.locator("button").click();
    await expect.poll(() => error.textContent()).toContain("服务暂时出错");
    await page.screenshot({ path: join(ARTIFACTS, "error-stream.png"), animations: "disabled" });

    await error.locator("button").click();
    const answer = page.locator(ANSWERED).first();
    await answer.waitFor({ timeout: 30_000 });
    expect(await error.count()).toBe(0);
    expect(await answer.textContent()).toContain("16%");
    expect(await input.inputValue()).toBe("");
    expect(await page.locator("[data-part=message][data-role=user]").count()).toBe(1);
    await page.close();
  }, 60_000);
});
