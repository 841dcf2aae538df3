/** The client's address behind a reverse proxy: X-Forwarded-For only when TRUST_PROXY says. */
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../src/server/http-server.js";
import { testApp } from "../support/engine.js";

const servers: { close(cb: () => void): void }[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))));

/** The real app on a real socket, two requests a minute per client address. */
async function serve(env: Record<string, string>) {
  const app = await testApp({ RATE_LIMIT_PER_MINUTE: "2", ...env });
  const server = createHttpServer(app.fetch, "127.0.0.1");
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (forwardedFor?: string) => {
    const res = await fetch(`${base}/api/documents`, {
      headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    });
    await res.arrayBuffer();
    return res.status;
  };
}

/** Three requests as one client: the third is over the limit when they share a bucket. */
const three = async (send: () => Promise<number>) => [await send(), await send(), await send()];

describe("TRUST_PROXY", () => {
  it("unset: X-Forwarded-For is ignored, the socket's address counts", async () => {
    const get = await serve({});
    expect(await get("203.0.113.1")).toBe(200);
    expect(await get("203.0.113.2")).toBe(200);
    expect(await get("203.0.113.3")).toBe(429);
  });

  it("a hop count: the address the nearest proxy saw is the client, whatever it claims before", async () => {
    const get = await serve({ TRUST_PROXY: "1" });
    // one client sends its own X-Forwarded-For; the proxy appends the address it saw
    expect(await three(() => get("6.6.6.6, 198.51.100.7"))).toEqual([200, 200, 429]);
    // forging other left-hand entries does not buy a fresh budget
    expect(await get("1.2.3.4, 198.51.100.7")).toBe(429);
    // other clients behind the same proxy have their own
    expect(await three(() => get("198.51.100.8"))).toEqual([200, 200, 429]);
    expect(await get("::ffff:198.51.100.9")).toBe(200);
  });

  it("proxy ranges: the right-most address outside them is the client", async () => {
    const get = await serve({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" });
    // client 192.0.2.10 through two trusted proxies (10.1.2.3, then the socket's 127.0.0.1)
    expect(await three(() => get("192.0.2.10, 10.1.2.3"))).toEqual([200, 200, 429]);
    expect(await get("203.0.113.50, 192.0.2.10, 10.9.9.9")).toBe(429);
    expect(await three(() => get("192.0.2.11, 10.1.2.3"))).toEqual([200, 200, 429]);
    // an untrusted hop in the middle is the client, not what it forwarded
    expect(await three(() => get("192.0.2.12, 198.51.100.1, 10.1.2.3"))).toEqual([200, 200, 429]);
    expect(await get("192.0.2.13, 198.51.100.1, 10.1.2.3")).toBe(429);
  });

  it("proxy ranges that do not hold the socket's peer: X-Forwarded-For is not read", async () => {
    const get = await serve({ TRUST_PROXY: "10.0.0.0/8" });
    expect(await get("192.0.2.20")).toBe(200);
    expect(await get("192.0.2.21")).toBe(200);
    expect(await get("192.0.2.22")).toBe(429);
  });
});
