import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { testApp, testConfig } from "../support/engine.js";

const app = await testApp({ CORS_ORIGINS: "http://allowed.example", BODY_LIMIT_BYTES: "2048" });
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message).not.toMatch(/\bat .*\.ts:\d+/);
  if (code) expect(body.error.code).toBe(code);
}

describe("health", () => {
  it("answers /healthz and /readyz", async () => {
    expect(await (await app.request("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.request("/readyz");
    expect(ready.status).toBe(200);
  });

  it("says why it is not ready, and when to come back", async () => {
    const base = { config: testConfig(), log: createLogger("silent") };
    const loading = createApp({ ...base, engine: () => undefined });
    const draining = createApp({ ...base, engine: () => undefined, draining: () => true });
    const cases: [typeof loading, string, string][] = [
      [loading, "not_ready", "the index is still loading"],
      [draining, "draining", "shutting down"],
    ];
    for (const [one, code, message] of cases) {
      const res = await one.request("/readyz");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("2");
      expect(await res.json()).toEqual({ error: { code, message } });
    }
    const search = await loading.request("/api/search?q=GDP");
    expect(search.status).toBe(503);
    expect(search.headers.get("retry-after")).toBe("2");
    expect(await search.json()).toEqual({
      error: { code: "not_ready", message: "the index is still loading" },
    });
  });
});

describe("GET /api/search", () => {
  it("returns scored passages, best first, with the contract's fields", async () => {
    const res = await app.request(
      `/api/search?q=${encodeURIComponent("社会消费品零售总额增长目标")}&k=3`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { query: string; results: Record<string, unknown>[] };
    expect(body.results).toHaveLength(3);
    const first = body.results[0] as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual([
      "doc",
      "end",
      "id",
      "part",
      "score",
      "section",
      "start",
      "text",
      "title",
    ]);
    expect(String(first.text)).toContain("社会消费品零售总额增长7%");
    const scores = body.results.map((r) => r.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("rejects a missing q and a k out of range", async () => {
    await expectError(await app.request("/api/search"), 400, "invalid_request");
    await expectError(await app.request("/api/search?q=%20"), 400);
    await expectError(await app.request("/api/search?q=x&k=0"), 400);
    await expectError(await app.request("/api/search?q=x&k=51"), 400);
    await expectError(await app.request("/api/search?q=x&k=abc"), 400);
  });
});

describe("passages and documents", () => {
  it("serves a passage with its neighbours, and its document whose text it slices", async () => {
    const search = (await (await app.request("/api/search?q=双核联建&k=1")).json()) as {
      results: { id: string }[];
    };
    const id = search.results[0]?.id as string;
    const p = (await (await app.request(`/api/passages/${encodeURIComponent(id)}`)).json()) as {
      doc: string;
      text: string;
      start: number;
      end: number;
      prev: string | null;
      next: string | null;
    };
    expect(p.prev === null || typeof p.prev === "string").toBe(true);
    expect(typeof p.next).toBe("string");
    const doc = (await (await app.request(`/api/documents/${p.doc}`)).json()) as {
      text: string;
      outline: unknown[];
    };
    expect(doc.text.slice(p.start, p.end)).toBe(p.text);
    expect(doc.outline.length).toBeGreaterThan(10);
    const list = (await (await app.request("/api/documents")).json()) as {
      documents: { doc: string }[];
    };
    expect(list.documents.map((d) => d.doc)).toEqual(["chengdu-2024-government-work-report"]);
  });

  it("404s unknown ids and paths that try to leave the corpus", async () => {
    await expectError(await app.request("/api/passages/nope"), 404, "not_found");
    await expectError(await app.request("/api/documents/nope"), 404, "not_found");
    await expectError(await app.request("/api/documents/..%2F..%2Fetc%2Fpasswd"), 404);
    await expectError(await app.request("/api/documents/../../package.json"), 404);
    await expectError(await app.request("/no/such/route"), 404);
  });
});

describe("POST /api/ask and /api/cite input", () => {
  it("rejects malformed JSON, wrong content types, empty and oversized bodies", async () => {
    await expectError(await app.request("/api/ask", json("{not json")), 400);
    await expectError(
      await app.request("/api/ask", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "hi",
      }),
      415,
    );
    await expectError(await app.request("/api/ask", json({})), 400, "invalid_request");
    await expectError(await app.request("/api/ask", json({ question: "" })), 400);
    await expectError(await app.request("/api/ask", json({ question: 42 })), 400);
    await expectError(await app.request("/api/ask", json({ question: "x", k: 100 })), 400);
    await expectError(
      await app.request(
        "/api/ask",
        json({ question: "x", history: Array(21).fill({ role: "user", content: "a" }) }),
      ),
      400,
    );
    await expectError(
      await app.request(
        "/api/ask",
        json({ question: "x", history: [{ role: "system", content: "a" }] }),
      ),
      400,
    );
    await expectError(
      await app.request("/api/ask", json({ question: "长".repeat(3000) })),
      413,
      "payload_too_large",
    );
    await expectError(await app.request("/api/cite", json({ claim: "" })), 400);
    await expectError(await app.request("/api/cite", json([1, 2])), 400);
  });
});

describe("CORS and headers", () => {
  it("allows configured origins only and sets security headers", async () => {
    const ok = await app.request("/api/search?q=成都", {
      headers: { origin: "http://allowed.example" },
    });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://allowed.example");
    const other = await app.request("/api/search?q=成都", {
      headers: { origin: "http://evil.example" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await app.request("/api/ask", {
      method: "OPTIONS",
      headers: { origin: "http://allowed.example", "access-control-request-method": "POST" },
    });
    expect(pre.status).toBeLessThan(300);
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("questions without words", () => {
  it("are a 400, not an empty refusal", async () => {
    const res = await app.request("/api/ask", json({ question: "？？" }));
    expect(res.status).toBe(400);
    expect((await app.request("/api/search?q=%EF%BC%9F")).status).toBe(400);
  });

  it("readiness does not describe the embedder", async () => {
    const body = (await (await app.request("/readyz")).json()) as Record<string, unknown>;
    expect(body.embedder).toBeUndefined();
  });
});
