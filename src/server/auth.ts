import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { Config } from "../config.js";
import { ApiError } from "./api-error.js";
import type { Env } from "./deps.js";
import type { LimitStore } from "./limit-store.js";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compare in constant time: hashing first makes the lengths equal. */
function sameKey(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** A short, non-reversible name for a key, for rate limiting and logs. */
const keyId = (key: string) => `key:${digest(key).toString("hex").slice(0, 12)}`;

/** Wrong or missing keys an address may send a minute; past it they get 429s, not 401s. */
export const FAILED_KEYS_PER_MINUTE = 30;

/**
 * What the widget's key may call: what the widget itself uses (ask, the documents and
 * passages it shows) and claim checking. The key is in the page for anyone to read, so
 * everything else (search, the OpenAI API for bots) needs a real API key.
 */
const WIDGET_ROUTES: readonly RegExp[] = [
  /^\/api\/ask$/,
  /^\/api\/cite$/,
  /^\/api\/passages\/[^/]+$/,
  /^\/api\/documents(\/[^/]+)?$/,
];

/** Whether the request comes from a page that may use the widget's key. */
function fromWidgetPage(c: Context<Env>, config: Config): boolean {
  // browsers send no Origin on same-origin GETs; Sec-Fetch-Site says so instead
  if (c.req.header("sec-fetch-site") === "same-origin") return true;
  const origin = c.req.header("origin");
  if (!origin) return false;
  if (config.corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === c.req.header("host");
  } catch {
    return false;
  }
}

const unauthorized = (message: string) =>
  new ApiError(401, "unauthorized", message, { "WWW-Authenticate": "Bearer" });

/**
 * With API_KEYS set, /api/* and /v1/* need `Authorization: Bearer KEY`. An API key reaches
 * everything and counts as its own client. The widget's key (WIDGET_KEY) reaches only
 * WIDGET_ROUTES, from the configured origins and the service's own page; its visitors
 * count by address. A request with a wrong or missing key is counted against its address,
 * and past FAILED_KEYS_PER_MINUTE it gets a 429: keys cannot be guessed at speed, and a
 * right key is never refused for what others sent from the same address.
 */
export function requireKey(config: Config, limits: LimitStore): MiddlewareHandler<Env> {
  const countFailures = config.rateLimitPerMinute > 0;
  return async (c, next) => {
    const address = c.get("address") ?? "local";
    if (config.apiKeys.length === 0 || c.req.method === "OPTIONS") {
      c.set("access", "open");
      c.set("client", `ip:${address}`);
      return next();
    }
    const key = (c.req.header("authorization") ?? "").match(/^Bearer\s+(\S+)$/i)?.[1];
    let apiKey: string | undefined;
    if (key) for (const k of config.apiKeys) if (sameKey(key, k)) apiKey = k;
    if (apiKey) {
      c.set("access", "api");
      c.set("client", keyId(apiKey));
      return next();
    }
    if (key && config.widgetKey && sameKey(key, config.widgetKey)) {
      if (!fromWidgetPage(c, config))
        throw new ApiError(403, "forbidden", "this key is not valid from this origin");
      if (!WIDGET_ROUTES.some((r) => r.test(c.req.path)))
        throw new ApiError(
          403,
          "forbidden",
          "the widget's key reaches /api/ask, /api/cite, /api/passages and /api/documents only: use an API key",
        );
      c.set("access", "widget");
      c.set("client", `widget:${address}`);
      return next();
    }
    if (countFailures) {
      const verdict = await limits.take(`failed-key:${address}`, FAILED_KEYS_PER_MINUTE);
      if (!verdict.ok)
        throw new ApiError(
          429,
          "rate_limited",
          `too many wrong keys: retry in ${verdict.retryAfterS} s`,
          { "Retry-After": String(verdict.retryAfterS) },
        );
    }
    throw unauthorized(key ? "unknown API key" : "send an API key: Authorization: Bearer <key>");
  };
}
