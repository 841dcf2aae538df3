import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.js";
import type { Env } from "./deps.js";

type Bucket = { tokens: number; at: number };

/** The client's address, as the socket says (in-process requests have none). */
export function addressOf(c: Context<Env>): string {
  try {
    return `ip:${getConnInfo(c).remote.address ?? "unknown"}`;
  } catch {
    return "ip:local";
  }
}

/**
 * Token buckets, one per id: `perMinute` tokens a minute, refilled continuously, bursts up
 * to the same number. Memory is bounded by sweeping full buckets.
 */
export function tokenBuckets(perMinute: number, now = () => Date.now()) {
  const buckets = new Map<string, Bucket>();
  const rate = perMinute / 60_000;
  let sweptAt = now();
  const refill = (id: string): Bucket => {
    const t = now();
    const b = buckets.get(id) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * rate);
    b.at = t;
    buckets.set(id, b);
    if (t - sweptAt > 60_000) {
      for (const [k, v] of buckets)
        if (v.tokens + (t - v.at) * rate >= perMinute) buckets.delete(k);
      sweptAt = t;
    }
    return b;
  };
  return {
    /** Throws a 429 with Retry-After when `id` has no token left; else takes none. */
    check(id: string): void {
      const b = refill(id);
      if (b.tokens >= 1) return;
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
      throw new ApiError(429, "rate_limited", `too many requests: retry in ${wait} s`, {
        "Retry-After": String(wait),
      });
    },
    /** Spends one of `id`'s tokens. */
    take(id: string): void {
      refill(id).tokens -= 1;
    },
  };
}

/**
 * `perMinute` requests a minute per client: the API key when there is one, else the
 * client's address. Over the limit: 429 with Retry-After.
 */
export function rateLimit(perMinute: number, now = () => Date.now()): MiddlewareHandler<Env> {
  const buckets = tokenBuckets(perMinute, now);
  return async (c, next) => {
    if (perMinute <= 0 || c.req.method === "OPTIONS") return next();
    const id = c.get("client") ?? addressOf(c);
    buckets.check(id);
    buckets.take(id);
    return next();
  };
}
