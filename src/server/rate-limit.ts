import type { MiddlewareHandler } from "hono";
import type { Config } from "../config.js";
import { ApiError } from "./api-error.js";
import type { Env } from "./deps.js";
import type { LimitStore } from "./limit-store.js";

/**
 * Requests a minute per client (set by requireKey): RATE_LIMIT_PER_MINUTE for an API key,
 * or for an address when keys are off; WIDGET_RATE_LIMIT_PER_MINUTE for each address using
 * the widget's key. Over it: 429 with Retry-After. The buckets live in `limits`: memory, or
 * Redis shared by every replica.
 */
export function rateLimit(config: Config, limits: LimitStore): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const client = c.get("client") ?? `ip:${c.get("address") ?? "local"}`;
    const perMinute =
      c.get("access") === "widget" ? config.widgetRateLimitPerMinute : config.rateLimitPerMinute;
    if (perMinute <= 0) return next();
    const verdict = await limits.take(client, perMinute);
    if (!verdict.ok) {
      const wait = verdict.retryAfterS;
      throw new ApiError(429, "rate_limited", `too many requests: retry in ${wait} s`, {
        "Retry-After": String(wait),
      });
    }
    return next();
  };
}
