/** Garbage straight onto the socket: what Node's parser and the adapter see before Hono. */

import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/server/http-server.js";
import { testApp } from "../support/engine.js";

const app = await testApp({ RATE_LIMIT_PER_MINUTE: "0", BODY_LIMIT_BYTES: "8192" });
const server = createHttpServer(app.fetch, "127.0.0.1");
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as AddressInfo).port;
afterAll(() => new Promise((r) => server.close(r)));

/** Write bytes, half-close, and collect whatever comes back (a request may get no answer). */
function exchange(bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, "127.0.0.1");
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString("latin1"));
    };
    const timer = setTimeout(done, 3000);
    socket.on("data", (c) => chunks.push(c));
    socket.on("end", done);
    socket.on("close", done);
    socket.on("error", done);
    socket.end(bytes);
  });
}

/** Every response on the wire: a status under 500, and the JSON error shape for a 4xx. */
function expectSane(wire: string) {
  for (const m of wire.matchAll(/HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n/g)) {
    const status = Number(m[1]);
    expect(status, wire.slice(0, 200)).toBeLessThan(500);
    if (status >= 400 && !/^content-length: 0$/im.test(m[2] as string)) {
      expect(m[2]).toMatch(/content-type: application\/json/i);
    }
  }
}

const token = fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,12}$/);
const text = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("", "0", "-1", "99999999999", "chunked", "gzip, chunked", "\r\n", "\u0000"),
);
const method = fc.oneof(fc.constantFrom("GET", "POST", "PUT", "HEAD", "OPTIONS", "DELETE"), token);
const path = fc.oneof(
  fc.constantFrom(
    "/api/ask",
    "/api/search?q=%E6%88%90%E9%83%BD",
    "/api/cite",
    "/v1/chat/completions",
    "/api/documents/..%2F..%2Fetc%2Fpasswd",
    "/healthz",
    "*",
    "//",
  ),
  fc.string({ maxLength: 60 }).map((s) => `/${s}`),
);
const header = fc.tuple(
  fc.oneof(
    fc.constantFrom(
      "Content-Type",
      "Content-Length",
      "Transfer-Encoding",
      "Accept",
      "Authorization",
      "Origin",
      "Expect",
      "Host",
    ),
    token,
  ),
  text,
);
const body = fc.oneof(
  text,
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"question":"成都有多少家国家高新技术企业？"}',
    "5\r\nhello\r\n0\r\n\r\n",
    "zzz\r\n",
    "x".repeat(20_000),
  ),
);

const printable = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 60,
  }),
  fc.constantFrom(
    "application/json",
    "text/event-stream",
    "Bearer x",
    "http://evil.example",
    "100-continue",
  ),
);
/** Requests a client could send: valid framing, odd values. */
const plausible = fc
  .tuple(
    fc.constantFrom("GET", "POST", "OPTIONS", "HEAD", "PUT"),
    path.filter((p) => /^[\x21-\x7e]+$/.test(p)),
    fc.array(
      fc.tuple(
        fc.constantFrom("Content-Type", "Accept", "Authorization", "Origin", "Expect", "X-Any"),
        printable,
      ),
      { maxLength: 4 },
    ),
    body,
  )
  .map(([m, p, headers, b]) => {
    const bytes = Buffer.from(b, "utf8");
    const lines = [`${m} ${p} HTTP/1.1`, "Host: 127.0.0.1", `Content-Length: ${bytes.length}`]
      .concat(headers.map(([k, v]) => `${k}: ${v}`))
      .join("\r\n");
    return Buffer.concat([Buffer.from(`${lines}\r\n\r\n`, "latin1"), bytes]);
  });
/** Anything at all in the request line, the headers and the framing. */
const anything = fc
  .tuple(method, path, fc.array(header, { maxLength: 6 }), body)
  .map(([m, p, headers, b]) => {
    const head = [`${m} ${p} HTTP/1.1`, "Host: 127.0.0.1"]
      .concat(headers.map(([k, v]) => `${k}: ${v}`))
      .join("\r\n");
    return Buffer.from(`${head}\r\n\r\n${b}`, "latin1");
  });

describe("raw bytes on the socket", () => {
  it("never get a 5xx or a non-JSON error, and the server stays healthy", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(plausible, anything), async (bytes) => {
        expectSane(await exchange(bytes));
      }),
      { numRuns: 300 },
    );
    const big = await exchange(
      Buffer.from(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`),
    );
    expect(big).toMatch(/^HTTP\/1\.1 431/);
    expect(big).toContain('"code":"headers_too_large"');
    const star = await exchange(Buffer.from("GET * HTTP/1.1\r\nHost: x\r\n\r\n"));
    expect(star).toMatch(/^HTTP\/1\.1 400/);
    expect(star).toContain('"code":"bad_request"');
    const broken = await exchange(Buffer.from("NOT HTTP AT ALL\r\n\r\n"));
    expect(broken).toMatch(/^HTTP\/1\.1 400/);
    expect(broken).toContain('"code":"bad_request"');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });
});
