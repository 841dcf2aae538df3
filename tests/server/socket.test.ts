import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/server/http-server.js";
import { testApp } from "../support/engine.js";

const app = await testApp({ CORS_ORIGINS: "http://allowed.example", BODY_LIMIT_BYTES: "4096" });
const server = createHttpServer(app.fetch, "127.0.0.1");
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((r) => server.close(r)));

describe("over a real socket", () => {
  it("answers, streams and errors as in-process", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ask = await fetch(`${base}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: "2023年全社会研发经费投入增长多少？" }),
    });
    const answer = (await ask.json()) as { answer: string; grounded: boolean };
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain("16%");

    const sse = await fetch(`${base}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ question: "How much did R&D spending grow in 2023?" }),
    });
    expect(sse.headers.get("content-type")).toContain("text/event-stream");
    const text = await sse.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe("citations");
    expect(events.filter((e) => e === "delta").length).toBeGreaterThan(1);
    expect(events.at(-1)).toBe("answer");

    const bad = await fetch(`${base}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("limits bodies by their declared length and, when chunked, by what arrives", async () => {
    const big = JSON.stringify({ question: "成都".repeat(3000) });
    const declared = await fetch(`${base}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { code: string } }).error.code).toBe(
      "payload_too_large",
    );
    const chunked = (text: string) =>
      fetch(`${base}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new Blob([text]).stream(),
        duplex: "half",
      } as RequestInit);
    const over = await chunked(big);
    expect(over.status).toBe(413);
    const small = await chunked(JSON.stringify({ question: "成都有多少家国家高新技术企业？" }));
    expect(small.status).toBe(200);
    expect(((await small.json()) as { answer: string }).answer).toContain("1.3万");
  });

  it("sends CORS headers to allowed origins only, on answers, errors and preflights", async () => {
    const ask = (origin: string, body: unknown) =>
      fetch(`${base}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify(body),
      });
    const ok = await ask("http://allowed.example", { question: "成都有多少家国家高新技术企业？" });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://allowed.example");
    expect(ok.headers.get("access-control-expose-headers")).toBe("Retry-After");
    expect(ok.headers.get("vary")).toContain("Origin");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    const error = await ask("http://allowed.example", { question: "" });
    expect(error.status).toBe(400);
    expect(error.headers.get("access-control-allow-origin")).toBe("http://allowed.example");
    const other = await ask("http://evil.example", { question: "成都有多少家国家高新技术企业？" });
    expect(other.status).toBe(200);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    const preflight = (origin: string) =>
      fetch(`${base}/api/ask`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
    const pre = await preflight("http://allowed.example");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("http://allowed.example");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain(
      "content-type",
    );
    expect(pre.headers.get("access-control-max-age")).toBe("600");
    const refused = await preflight("http://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect(refused.headers.get("access-control-allow-methods")).toBeNull();
  });
});
