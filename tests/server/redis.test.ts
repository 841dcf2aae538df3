/** Two replicas, one Redis: one rate limit and one wrong-key counter across them. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { FAILED_KEYS_PER_MINUTE } from "../../src/server/auth.js";
import { createHttpServer } from "../../src/server/http-server.js";
import type { LimitStore } from "../../src/server/limit-store.js";
import { redisLimitStore } from "../../src/server/redis-limit-store.js";
import { testConfig, testEngine } from "../support/engine.js";
import { type RedisServer, SKIP_REDIS, startRedis } from "./redis-server.js";

const KEY = "replica-test-key-0001";
const OTHER_KEY = "replica-test-key-0002";

describe.skipIf(SKIP_REDIS)("replicas sharing one Redis", () => {
  let redis: RedisServer;
  const servers: Server[] = [];
  const stores: LimitStore[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await Promise.all(stores.map((s) => s.close()));
    await redis?.close();
  });

  /** A replica: its own app, Redis connection, socket and log. */
  async function replica(env: Record<string, string>, logs: string[] = []) {
    const config = testConfig({ REDIS_URL: redis.url, API_KEYS: `${KEY},${OTHER_KEY}`, ...env });
    const log = createLogger("info", (line) => logs.push(line));
    const limits = await redisLimitStore(redis.url, log);
    stores.push(limits);
    const engine = await testEngine();
    const app = createApp({ config, log, engine: () => engine, limits });
    const server = createHttpServer(app.fetch, "127.0.0.1");
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push(server);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return async (key?: string) => {
      const res = await fetch(`${base}/api/documents`, {
        headers: key ? { authorization: `Bearer ${key}` } : {},
      });
      await res.arrayBuffer();
      return res.status;
    };
  }

  it("enforce one rate limit, whichever replica a request reaches", async () => {
    const env = { RATE_LIMIT_PER_MINUTE: "4" };
    const [a, b] = [await replica(env), await replica(env)];
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await (i % 2 ? b : a)(KEY));
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    // another key has its own budget on both
    expect([await a(OTHER_KEY), await b(OTHER_KEY)]).toEqual([200, 200]);
  });

  it("count wrong keys together, and never refuse a right key for them", async () => {
    const env = { RATE_LIMIT_PER_MINUTE: "1000" };
    const [a, b] = [await replica(env), await replica(env)];
    for (let i = 0; i < FAILED_KEYS_PER_MINUTE; i++) {
      expect(await (i % 2 ? b : a)(`wrong-key-${i}-000000000`)).toBe(401);
    }
    expect([await a("wrong-key-x-000000000"), await b()]).toEqual([429, 429]);
    expect([await a(KEY), await b(KEY)]).toEqual([200, 200]);
  });

  it("keep limiting while Redis is away (each replica on its own), and share again after", async () => {
    const env = { RATE_LIMIT_PER_MINUTE: "2" };
    const logsA: string[] = [];
    const logsB: string[] = [];
    const [a, b] = [await replica(env, logsA), await replica(env, logsB)];
    await redis.stop();
    // each replica now counts in its own memory: two each, then 429
    expect([await a(KEY), await a(KEY), await a(KEY)]).toEqual([200, 200, 429]);
    expect([await b(KEY), await b(KEY), await b(KEY)]).toEqual([200, 200, 429]);
    for (const logs of [logsA, logsB]) {
      const lines = logs.map((l) => JSON.parse(l) as { level: string; msg: string });
      // said once, not once a request
      expect(lines.filter((l) => l.level === "warn").map((l) => l.msg)).toEqual([
        "redis unavailable: rate limits are this replica's own until it is back",
      ]);
    }
    await redis.start();
    // a fresh Redis (the old buckets are gone): once both are back, one budget again
    const back = (logs: string[]) => logs.filter((l) => l.includes("shared again")).length;
    await expect.poll(() => back(logsA) + back(logsB), { timeout: 10_000 }).toBe(2);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await (i % 2 ? b : a)(OTHER_KEY));
    expect(statuses).toEqual([200, 200, 429, 429]);
  });
});
