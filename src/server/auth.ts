import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Config } from "../config.js";
import { ApiError } from "./api-error.js";
import type { Env } from "./deps.js";
import { addressOf, tokenBuckets } from "./rate-limit.js";

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

/** Wrong or missing keys an address may send a minute before it gets 429s. */
export const FAILED_KEYS_PER_MINUTE = 30;

/**
 * With API_KEYS set, every request needs `Authorization: Bearer KEY`. The widget's key
 * (WIDGET_KEY) is public by nature, so it is honoured only from the configured origins.
 * Failed attempts are counted per address (unless rate limiting is off), so keys cannot
 * be guessed at speed.
 */
export function requireKey(config: Config): MiddlewareHandler<Env> {
  const failures = config.rateLimitPerMinute > 0 ? tokenBuckets(FAILED_KEYS_PER_MINUTE) : undefined;
  return async (c, next) => {
    if (config.apiKeys.length === 0 || c.req.method === "OPTIONS") return next();
    const address = addressOf(c);
    failures?.check(address);
    let apiKey: string | undefined;
    try {
      apiKey = authenticate(c, config);
    } catch (err) {
      failures?.take(address);
      throw err;
    }
    // an API key has its own rate budget; the widget's key is everybody's, so its
    // visitors are limited by address like callers without keys
    if (apiKey) c.set("client", keyId(apiKey));
    return next();
  };
}

/** The API key the request carries (undefined for the widget's key); throws 401 or 403. */
function authenticate(c: Context<Env>, config: Config): string | undefined {
  const header = c.req.header("authorization") ?? "";
  const key = header.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!key)
    throw new ApiError(401, "unauthorized", "send an API key: Authorization: Bearer <key>", {
      "WWW-Authenticate": "Bearer",
    });
  let apiKey = false;
  for (const k of config.apiKeys) if (sameKey(key, k)) apiKey = true;
  if (apiKey) return key;
  if (config.widgetKey && sameKey(key, config.widgetKey)) {
    // browsers send no Origin on same-origin GETs; Sec-Fetch-Site says so instead
    const sameSite = c.req.header("sec-fetch-site") === "same-origin";
    if (!sameSite && !originAllowed(c.req.header("origin"), c.req.header("host"), config)) {
      throw new ApiError(403, "forbidden", "this key is not valid from this origin");
    }
    return undefined;
  }
  throw new ApiError(401, "unauthorized", "unknown API key", { "WWW-Authenticate": "Bearer" });
}
