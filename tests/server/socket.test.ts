import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, describe, expect, it } from "vitest";
import { testApp } from "../support/engine.js";

const app = await testApp();
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
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
});
