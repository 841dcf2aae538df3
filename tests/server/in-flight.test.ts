/** One client's requests in flight are capped, so that its burst cannot crowd out others. */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/server/http-server.js";
import { testApp } from "../support/engine.js";

const BUSY = "busy-client-key-0001";
const OTHER = "other-client-key-0001";
const app = await testApp({ API_KEYS: `${BUSY},${OTHER}`, MAX_IN_FLIGHT_PER_CLIENT: "2" });
const server = createHttpServer(app.fetch, "127.0.0.1");
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => new Promise((r) => server.close(r)));

const BODY = JSON.stringify({ question: "2023年全社会研发经费投入增长多少？" });

/** A question whose body is held back: in flight until `finish()` sends the rest. */
function held(key: string) {
  let finish = () => {};
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${base}/api/ask`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${key}`,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(BODY),
      },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.write(BODY.slice(0, 10));
    req.flushHeaders();
    finish = () => req.end(BODY.slice(10));
  });
  return { response, finish: () => finish() };
}

const ask = async (key: string) => {
  const res = await fetch(`${base}/api/ask`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: BODY,
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
};

describe("MAX_IN_FLIGHT_PER_CLIENT", () => {
  it("refuses a client's third request while two are in flight; others are served", async () => {
    const first = held(BUSY);
    const second = held(BUSY);
    // both have reached the server once a third is refused
    await expect.poll(async () => (await ask(BUSY)).status).toBe(429);
    const refused = await ask(BUSY);
    expect(refused.body.error?.code).toBe("rate_limited");
    expect((await ask(OTHER)).status).toBe(200);
    first.finish();
    second.finish();
    const done = await Promise.all([first.response, second.response]);
    expect(done.map((d) => d.status)).toEqual([200, 200]);
    expect(done[0]?.text).toContain("16%");
    // their slots are free again
    expect((await ask(BUSY)).status).toBe(200);
  });
});
