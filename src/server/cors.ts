import type { MiddlewareHandler } from "hono";

const ALLOW_METHODS = "GET,POST,OPTIONS";
const ALLOW_HEADERS = "Content-Type,Authorization,Accept";
/** Seconds a browser may reuse a preflight's answer (browsers cap it: Chrome at 7,200). */
const PREFLIGHT_MAX_AGE_S = 600;

/**
 * CORS for the configured origins ("*" allows any). Headers are set before the route runs,
 * never on a finished response, so @hono/node-server keeps its fast response path.
 */
export function corsFor(origins: string[]): MiddlewareHandler {
  const anyOrigin = origins.includes("*");
  return async (c, next) => {
    const origin = c.req.header("origin");
    const allowed = origin !== undefined && (anyOrigin || origins.includes(origin));
    c.header("Vary", "Origin");
    if (allowed) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Expose-Headers", "Retry-After");
    }
    if (c.req.method !== "OPTIONS") return next();
    if (allowed) {
      c.header("Access-Control-Allow-Methods", ALLOW_METHODS);
      c.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
      c.header("Access-Control-Max-Age", String(PREFLIGHT_MAX_AGE_S));
    }
    return c.body(null, 204);
  };
}
