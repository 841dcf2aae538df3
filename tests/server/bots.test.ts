import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { FAILED_KEYS_PER_MINUTE } from "../../src/server/auth.js";
import { createHttpServer } from "../../src/server/http-server.js";
import { testApp, testConfig } from "../support/engine.js";

const KEY = "test-key-0123456789";
const WIDGET_KEY = "widget-key-0123456789";
const app = await testApp({
  API_KEYS: `${KEY},other-key-000000`,
  WIDGET_KEY,
  CORS_ORIGINS: "http://site.example",
  RATE_LIMIT_PER_MINUTE: "1000",
});
const server = createHttpServer(app.fetch, "127.0.0.1");
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
afterAll(() => new Promise((r) => server.close(r)));

type WithCitations = { citations?: { n: number; text: string; section: string[] }[] };

describe("the official openai client against report-qa", () => {
  const client = new OpenAI({ apiKey: KEY, baseURL, maxRetries: 0 });

  it("lists the model", async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain("report-qa");
  });

  it("gets a cited answer, with a sources footer and structured citations", async () => {
    const res = await client.chat.completions.create({
      model: "report-qa",
      messages: [
        { role: "system", content: "You are a bot." },
        { role: "user", content: "2023年全社会研发经费投入增长多少？" },
      ],
    });
    const content = res.choices[0]?.message.content ?? "";
    expect(content).toContain("16% [1]");
    expect(content).toMatch(
      /来源：\n\[1\] 《成都市2024年政府工作报告》 2023年工作回顾 › （一）: “.*16%.*”/,
    );
    const citations = (res as unknown as WithCitations).citations ?? [];
    expect(citations[0]?.n).toBe(1);
    expect(citations[0]?.text).toContain("全社会研发经费投入增长16%");
  });

  it("streams a cited answer in several chunks, citations on the last", async () => {
    const stream = await client.chat.completions.create({
      model: "report-qa",
      stream: true,
      messages: [
        { role: "user", content: "2023年全社会研发经费投入增长多少？" },
        { role: "assistant", content: "2023年，全社会研发经费投入增长16% [1]。" },
        { role: "user", content: "成都国家高新技术企业有多少家？" },
      ],
    });
    let text = "";
    let chunks = 0;
    let citations: WithCitations["citations"];
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? "";
      citations ??= (chunk as unknown as WithCitations).citations;
    }
    // the role, the reply in five pieces (by sentence and line), then the stop
    expect(chunks).toBe(7);
    expect(text).toContain("1.3万");
    expect(text).toMatch(/来源：\n\[1\]/);
    expect(citations?.map((c) => c.n)).toEqual([1]);
  });
});

describe("keys and limits", () => {
  const ask = (headers: Record<string, string>) =>
    fetch(`${baseURL.replace("/v1", "")}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ question: "成都有多少家国家高新技术企业？", format: "text" }),
    });

  it("needs a key on /api and /v1, but not on health", async () => {
    const none = await ask({});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await ask({ authorization: "Bearer wrong" })).status).toBe(401);
    expect((await fetch(`${baseURL}/models`)).status).toBe(401);
    expect((await fetch(`${baseURL.replace("/v1", "")}/healthz`)).status).toBe(200);
  });

  it("answers in plain text with numbered footnotes (curl-style request)", async () => {
    const res = await ask({ authorization: `Bearer ${KEY}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { answer: string };
    expect(body.answer).toMatch(/\[1\][^\n]*\n\n来源：\n\[1\] /);
  });

  it("honours the widget's key only from the configured origins", async () => {
    expect(
      (await ask({ authorization: `Bearer ${WIDGET_KEY}`, origin: "http://site.example" })).status,
    ).toBe(200);
    const elsewhere = await ask({
      authorization: `Bearer ${WIDGET_KEY}`,
      origin: "http://evil.example",
    });
    expect(elsewhere.status).toBe(403);
    expect((await ask({ authorization: `Bearer ${WIDGET_KEY}` })).status).toBe(403);
  });

  it("keeps the widget's key (printed in the page) to what the widget needs, even from curl", async () => {
    const root = baseURL.replace("/v1", "");
    // what curl sends after reading the key off the page: the allowed origin, forged
    const forged = {
      authorization: `Bearer ${WIDGET_KEY}`,
      origin: "http://site.example",
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
    };
    const get = (path: string) => fetch(`${root}${path}`, { headers: forged });
    const post = (path: string, body: unknown) =>
      fetch(`${root}${path}`, { method: "POST", headers: forged, body: JSON.stringify(body) });
    const claim = await post("/api/cite", { claim: "全社会研发经费投入增长16%" });
    expect(claim.status).toBe(200);
    expect(((await claim.json()) as { supported: boolean }).supported).toBe(true);
    const docs = (await (await get("/api/documents")).json()) as { documents: { doc: string }[] };
    const doc = docs.documents[0]?.doc as string;
    expect((await get(`/api/documents/${doc}`)).status).toBe(200);
    const apiKey = { authorization: `Bearer ${KEY}` };
    const hit = (await (
      await fetch(`${root}/api/search?q=${encodeURIComponent("研发经费")}&k=1`, { headers: apiKey })
    ).json()) as { results: { id: string }[] };
    expect(
      (await get(`/api/passages/${encodeURIComponent(hit.results[0]?.id ?? "")}`)).status,
    ).toBe(200);

    const refused = [
      await post("/v1/chat/completions", {
        model: "report-qa",
        messages: [{ role: "user", content: "成都有多少家国家高新技术企业？" }],
      }),
      await get("/v1/models"),
      await get(`/api/search?q=${encodeURIComponent("研发经费")}`),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("forbidden");
      expect(body.error.message).toContain("use an API key");
    }
    // the same calls with an API key go through
    expect((await fetch(`${baseURL}/models`, { headers: apiKey })).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once a client's budget is spent", async () => {
    const limited = await testApp({ RATE_LIMIT_PER_MINUTE: "3" });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await limited.request("/api/search?q=成都");
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // within the minute's budget: one request of three comes back after at most 20 s
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(20);
    expect((await limited.request("/healthz")).status).toBe(200);
  });

  it("answers 429 to an address that keeps sending wrong keys, never to a right key", async () => {
    const guarded = await testApp({ API_KEYS: KEY });
    const tryKey = (key?: string) =>
      guarded.request("/api/search?q=成都", {
        headers: key ? { authorization: `Bearer ${key}` } : {},
      });
    for (let i = 0; i < FAILED_KEYS_PER_MINUTE - 1; i++) {
      expect((await tryKey(`guess-${i}-0000000000`)).status).toBe(401);
    }
    // a missing key counts as a wrong one
    expect((await tryKey()).status).toBe(401);
    const locked = await tryKey("guess-last-0000000000");
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // 30 failures a minute: the next one is allowed after at most 2 s
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(locked.headers.get("retry-after"))).toBeLessThanOrEqual(
      60 / FAILED_KEYS_PER_MINUTE,
    );
    expect((await tryKey()).status).toBe(429);
    // the right key from that same address is never refused for the others' failures
    for (let i = 0; i < FAILED_KEYS_PER_MINUTE + 5; i++) {
      expect((await tryKey(KEY)).status).toBe(200);
    }
    expect((await tryKey("guess-again-0000000000")).status).toBe(429);
  });

  it("gives the widget's key its own, lower limit per address; API keys keep theirs", async () => {
    const app = await testApp({
      API_KEYS: KEY,
      WIDGET_KEY,
      CORS_ORIGINS: "http://site.example",
      RATE_LIMIT_PER_MINUTE: "100",
      WIDGET_RATE_LIMIT_PER_MINUTE: "2",
    });
    const get = (key: string) =>
      app.request("/api/documents", {
        headers: { authorization: `Bearer ${key}`, origin: "http://site.example" },
      });
    expect([(await get(WIDGET_KEY)).status, (await get(WIDGET_KEY)).status]).toEqual([200, 200]);
    const over = await get(WIDGET_KEY);
    expect(over.status).toBe(429);
    // two a minute: the next one after at most 30 s
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers.get("retry-after"))).toBeLessThanOrEqual(30);
    for (let i = 0; i < 5; i++) expect((await get(KEY)).status).toBe(200);
  });

  it("refuses to start with an API key shorter than 16 characters", () => {
    expect(() => testConfig({ API_KEYS: `${KEY},short` })).toThrow(/16 characters/);
  });
});
