import { describe, expect, it } from "vitest";
import { DRAIN_MARGIN_MS, loadConfig, secretsOf } from "../../src/config.js";

describe("server configuration", () => {
  it("derives SIGTERM's drain from the request timeout, which bounds the model's budget", () => {
    expect(loadConfig({}).drainMs).toBe(30_000 + DRAIN_MARGIN_MS);
    for (const ms of ["1000", "45000", "120000"]) {
      const c = loadConfig({ REQUEST_TIMEOUT_MS: ms, OPENAI_API_KEY: "k", MODEL_TIMEOUT_MS: ms });
      expect(c.drainMs).toBe(Number(ms) + DRAIN_MARGIN_MS);
      expect(c.drainMs).toBeGreaterThan(c.chat?.timeoutMs ?? 0);
    }
  });

  it("reads TRUST_PROXY as a hop count or proxy addresses, and refuses anything else", () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ TRUST_PROXY: " 10.0.0.0/8, 127.0.0.1 ,fd00::/8" }).trustProxy).toEqual({
      proxies: ["10.0.0.0/8", "127.0.0.1", "fd00::/8"],
    });
    for (const bad of ["0", "11", "10.0.0.0/33", "proxy.example", "1.2.3.4/8/1", "::1/129"]) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });

  it("takes a redis URL only, and keeps its password out of the logs", () => {
    const c = loadConfig({ REDIS_URL: "redis://:pa%24sword-123@10.0.0.5:6379/2" });
    expect(c.redisUrl).toBe("redis://:pa%24sword-123@10.0.0.5:6379/2");
    expect(secretsOf(c)).toEqual(["pa$sword-123", "pa%24sword-123"]);
    expect(() => loadConfig({ REDIS_URL: "http://10.0.0.5:6379" })).toThrow(/REDIS_URL/);
  });

  it("refuses a widget key without API keys: the service would be open all the same", () => {
    expect(() => loadConfig({ WIDGET_KEY: "widget-key-0123456789" })).toThrow(
      /WIDGET_KEY needs API_KEYS/,
    );
    const c = loadConfig({ WIDGET_KEY: "widget-key-0123456789", API_KEYS: "api-key-0123456789" });
    expect([c.widgetKey, c.widgetRateLimitPerMinute, c.maxInFlightPerClient]).toEqual([
      "widget-key-0123456789",
      60,
      8,
    ]);
  });
});
