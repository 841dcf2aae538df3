import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Config } from "../config.js";
import { ApiError } from "./api-error.js";
import type { Env } from "./deps.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compare in constant time: hashing first makes the lengths equal. */
function sameKey(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** A short, non-reversible name for a key, for rate limiting and logs. */
export const keyId = (key: string) => `key:${digest(key).toString("hex").slice(0, 12)}`;

/** The origin the request was made from, and whether it may use the widget's key. */
function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  config: Config,
): boolean {
  if (!origin) return false;
  if (config.corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * With API_KEYS set, every request needs `Authorization: Bearer KEY`. The widget's key
 * (WIDGET_KEY) is public by nature, so it is honoured only from the configured origins.
 */
export function requireKey(config: Config): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (config.apiKeys.length === 0 || c.req.method === "OPTIONS") return next();
    const header = c.req.header("authorization") ?? "";
    const key = header.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!key)
      throw new ApiError(401, "unauthorized", "send an API key: Authorization: Bearer <key>", {
        "WWW-Authenticate": "Bearer",
      });
    let apiKey = false;
    for (const k of config.apiKeys) if (sameKey(key, k)) apiKey = true;
    let ok = apiKey;
    if (!ok && config.widgetKey && sameKey(key, config.widgetKey)) {
      // browsers send no Origin on same-origin GETs; Sec-Fetch-Site says so instead
      const sameSite = c.req.header("sec-fetch-site") === "same-origin";
      if (!sameSite && !originAllowed(c.req.header("origin"), c.req.header("host"), config)) {
        throw new ApiError(403, "forbidden", "this key is not valid from this origin");
      }
      ok = true;
    }
    if (!ok)
      throw new ApiError(401, "unauthorized", "unknown API key", { "WWW-Authenticate": "Bearer" });
    // an API key has its own rate budget; the widget's key is everybody's, so its
    // visitors are limited by address like callers without keys
    if (apiKey) c.set("client", keyId(key));
    return next();
  };
}
