import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { testApp } from "../support/engine.js";

const app = await testApp({ RATE_LIMIT_PER_MINUTE: "0", BODY_LIMIT_BYTES: "8192" });

/** Every response to garbage is a 2xx, or a 4xx with the JSON error shape: never a 5xx. */
async function expectSane(res: Response) {
  expect(res.status, `status ${res.status}`).toBeLessThan(500);
  if (res.status >= 400) {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code).toBe("string");
    expect(typeof body.error?.message).toBe("string");
  } else {
    await res.arrayBuffer();
  }
}

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\u202e",
    "%",
    "../../etc/passwd",
    "<script>",
    "{{}}",
    "[1]",
    "成都".repeat(900),
  ),
);
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    { question: anyText, k: fc.anything({ maxDepth: 1 }), history: fc.anything({ maxDepth: 2 }) },
    { requiredKeys: [] },
  ),
  fc.record({ claim: anyText }, { requiredKeys: [] }),
  fc.record(
    {
      messages: fc.array(
        fc.record({
          role: fc.constantFrom("user", "assistant", "system", "x"),
          content: fc.oneof(anyText, fc.anything({ maxDepth: 1 })),
        }),
      ),
      stream: fc.boolean(),
    },
    { requiredKeys: [] },
  ),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/vnd.api+json",
);
const postPath = fc.constantFrom(
  "/api/ask",
  "/api/cite",
  "/v1/chat/completions",
  "/api/search",
  "/api/documents",
);
const getPath = fc.oneof(
  fc.constantFrom(
    "/api/search",
    "/api/passages/",
    "/api/documents/",
    "/v1/models",
    "/healthz",
    "/readyz",
    "/",
  ),
  anyText.map((s) => `/api/passages/${encodeURIComponent(s)}`),
  anyText.map((s) => `/api/documents/${encodeURIComponent(s)}`),
  fc
    .tuple(anyText, fc.string({ maxLength: 6 }))
    .map(([q, k]) => `/api/search?q=${encodeURIComponent(q)}&k=${encodeURIComponent(k)}`),
);

describe("generated bad input", () => {
  it("POST bodies of any shape, type and encoding get 2xx or a 4xx JSON error", async () => {
    await fc.assert(
      fc.asyncProperty(
        postPath,
        contentType,
        fc.oneof(
          anyJson.map((j) => JSON.stringify(j)),
          anyText,
        ),
        fc.boolean(),
        async (path, type, body, sse) => {
          const headers: Record<string, string> = { "content-type": type };
          if (sse) headers.accept = "text/event-stream";
          await expectSane(await app.request(path, { method: "POST", headers, body }));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("GET paths and queries of any content get 2xx or a 4xx JSON error", async () => {
    await fc.assert(
      fc.asyncProperty(getPath, async (path) => {
        const res = await app.request(path);
        expect(res.status).toBeLessThan(500);
        await res.arrayBuffer();
      }),
      { numRuns: 150 },
    );
  });

  it("odd headers and methods do not break it, and it stays healthy", async () => {
    const header = fc
      .string({ unit: "binary-ascii", minLength: 0, maxLength: 60 })
      .filter((s) => !/[\r\n\0]/.test(s));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
        postPath,
        header,
        header,
        async (method, path, accept, auth) => {
          let res: Response;
          try {
            res = await app.request(path, {
              method,
              headers: { accept, authorization: auth, origin: auth },
            });
          } catch {
            return; // the fetch API itself refused the header value: nothing reached the app
          }
          expect(res.status).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { numRuns: 100 },
    );
    expect((await app.request("/healthz")).status).toBe(200);
    const ok = await app.request("/api/search?q=成都");
    expect(ok.status).toBe(200);
  });
});
