import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.js";
import type { Env } from "./deps.js";

type Bucket = { tokens: number; at: number };

/** Who is asking: the API key when there is one, else the client's address. */
function clientOf(c: Context<Env>): string {
  const known = c.get("client");
  if (known) return known;
  try {
    return `ip:${getConnInfo(c).remote.address ?? "unknown"}`;
  } catch {
    return "ip:local";
  }
}

/**
 * A token bucket per client: `perMinute` requests a minute, refilled continuously, bursts up
 * to the same number. Over the limit: 429 with Retry-After. Memory is bounded by sweeping
 * full buckets.
 */
export function rateLimit(perMinute: number, now = () => Date.now()): MiddlewareHandler<Env> {
  const buckets = new Map<string, Bucket>();
  const rate = perMinute / 60_000;
  let sweptAt = now();
  return async (c, next) => {
    if (perMinute <= 0 || c.req.method === "OPTIONS") return next();
    const t = now();
    const id = clientOf(c);
    const b = buckets.get(id) ?? { tokens: perMinute, at: t };
    b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * rate);
    b.at = t;
    buckets.set(id, b);
    if (t - sweptAt > 60_000) {
      for (const [k, v] of buckets)
        if (v.tokens + (t - v.at) * rate >= perMinute) buckets.delete(k);
      sweptAt = t;
    }
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
      throw new ApiError(429, "rate_limited", `too many requests: retry in ${wait} s`, {
        "Retry-After": String(wait),
      });
    }
    b.tokens -= 1;
    return next();
  };
}
