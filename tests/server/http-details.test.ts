/** HTTP the way a careful client expects it: 405s, CONNECT, Accept-Encoding, raw UTF-8
 * targets, slow bodies, and the same questions through both doors. */
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { createHttpServer } from "../../src/server/http-server.js";
import { testConfig, testEngine } from "../support/engine.js";

const BUNDLE = "(()=>{console.log('widget')})();";
const engine = await testEngine();
const app = createApp({
  config: testConfig({ REQUEST_TIMEOUT_MS: "1000", RATE_LIMIT_PER_MINUTE: "0" }),
  log: createLogger("silent"),
  engine: () => engine,
  widgetBundle: BUNDLE,
});
const server = createHttpServer(app.fetch, "127.0.0.1");
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as AddressInfo).port;
const base = `http://127.0.0.1:${port}`;
afterAll(() => new Promise((r) => server.close(r)));

/** Bytes onto a socket; everything that comes back until the server closes it. */
function exchange(bytes: Buffer | string, after?: (write: (s: string) => void) => void) {
  return new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, "127.0.0.1");
    socket.on("data", (c) => chunks.push(c));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", () => {});
    socket.write(bytes);
    after?.((s) => socket.write(s));
  });
}

const errorOf = (wire: string) =>
  (JSON.parse(wire.slice(wire.indexOf("\r\n\r\n") + 4)) as { error: { code: string } }).error;

describe("methods", () => {
  it("a known path with the wrong method is a 405 that says what it allows", async () => {
    const cases: [string, string, string][] = [
      ["DELETE", "/healthz", "GET, HEAD"],
      ["POST", "/readyz", "GET, HEAD"],
      ["GET", "/api/ask", "POST, OPTIONS"],
      ["PUT", "/api/cite", "POST, OPTIONS"],
      ["POST", "/api/search", "GET, HEAD, OPTIONS"],
      ["PATCH", "/api/passages/x", "GET, HEAD, OPTIONS"],
      ["GET", "/v1/chat/completions", "POST, OPTIONS"],
      ["POST", "/widget.js", "GET, HEAD"],
    ];
    for (const [method, path, allow] of cases) {
      const res = await fetch(`${base}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("method_not_allowed");
    }
    const unknown = await fetch(`${base}/no/such/path`, { method: "DELETE" });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("allow")).toBeNull();
    await unknown.arrayBuffer();
    expect((await fetch(`${base}/healthz`, { method: "HEAD" })).status).toBe(200);
  });

  it("CONNECT gets a JSON 405 and a closed connection, not silence", async () => {
    const wire = await exchange(
      "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
    );
    expect(wire).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(wire).toMatch(/\r\nAllow: GET, HEAD, POST, OPTIONS\r\n/);
    expect(wire).toMatch(/\r\nConnection: close\r\n/);
    expect(errorOf(wire).code).toBe("method_not_allowed");
  });
});

describe("request targets", () => {
  it("raw UTF-8 in the target (as curl sends it) is read as if percent-encoded", async () => {
    const raw = Buffer.from(
      "GET /api/search?q=研发经费投入增长&k=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "utf8",
    );
    const wire = await exchange(raw);
    expect(wire).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    const body = JSON.parse(wire.slice(wire.indexOf("\r\n\r\n") + 4)) as {
      query: string;
      results: { text: string }[];
    };
    expect(body.query).toBe("研发经费投入增长");
    expect(body.results[0]?.text).toContain("全社会研发经费投入增长16%");
    const path = await exchange(
      Buffer.from("GET /api/documents/不存在 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    );
    expect(path).toMatch(/^HTTP\/1\.1 404 /);
    expect(errorOf(path).code).toBe("not_found");
    expect(path).toContain("不存在");
  });
});

describe("bodies", () => {
  it("a body that stops arriving is a 408 (the client is slow), not a 503", async () => {
    const body = JSON.stringify({ question: "2023年全社会研发经费投入增长多少？" });
    const head = `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    const wire = await exchange(head + body.slice(0, 5));
    expect(wire).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(errorOf(wire)).toEqual({
      code: "timeout",
      message: "the request's body did not arrive in time",
    });
  });
});

describe("GET /widget.js and Accept-Encoding", () => {
  it("gzips only when gzip is acceptable (q above 0)", async () => {
    // fetch would undo the gzip: a raw socket shows what was sent
    const sent = async (accept: string) =>
      /\r\ncontent-encoding: gzip\r\n/i.test(
        await exchange(
          `GET /widget.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ${accept}\r\nConnection: close\r\n\r\n`,
        ),
      );
    expect(await sent("gzip")).toBe(true);
    expect(await sent("br, gzip;q=0.5")).toBe(true);
    expect(await sent("*")).toBe(true);
    expect(await sent("gzip;q=0")).toBe(false);
    expect(await sent("gzip;q=0.000, identity")).toBe(false);
    expect(await sent("*;q=0")).toBe(false);
    expect(await sent("br")).toBe(false);
    expect(await sent("identity")).toBe(false);
  });
});

describe("the OpenAI door and /api/ask", () => {
  const ask = (question: string) =>
    app.request("/api/ask", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question }),
    });
  const chat = (messages: { role: string; content: string }[]) =>
    app.request("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "report-qa", messages }),
    });

  it("take and refuse the same questions", async () => {
    const questions = ["？？", "   ", "…", "长".repeat(2001), "成都有多少家国家高新技术企业？"];
    for (const q of questions) {
      const [a, b] = [await ask(q), await chat([{ role: "user", content: q }])];
      expect(b.status, JSON.stringify(q.slice(0, 10))).toBe(a.status);
      if (a.status === 400) {
        expect(((await b.json()) as { error: { code: string } }).error.code).toBe(
          "invalid_request",
        );
      }
    }
    const longTurn = await chat([
      { role: "user", content: "成都".repeat(4001) },
      { role: "assistant", content: "好" },
      { role: "user", content: "成都有多少家国家高新技术企业？" },
    ]);
    expect(longTurn.status).toBe(400);
  });

  it("GET /v1/models/report-qa describes the model; other ids are a 404", async () => {
    const res = await app.request("/v1/models/report-qa");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id: "report-qa",
      object: "model",
      created: 1704067200,
      owned_by: "report-qa",
    });
    const other = await app.request("/v1/models/gpt-4o");
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
