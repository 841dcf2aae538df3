import type { MiddlewareHandler } from "hono";
import { tooManyInFlight } from "./api-error.js";
import type { Env } from "./deps.js";

/**
 * At most `max` requests of one client (requireKey's `client`) in flight on this replica;
 * one more gets a 429 at once. A client's burst (a full token bucket is a minute's worth
 * of requests) then waits its turn instead of filling the queue ahead of everyone else. A
 * request counts until its response has gone out, streams included.
 */
export function capInFlight(max: number): MiddlewareHandler<Env> {
  const inFlight = new Map<string, number>();
  const release = (client: string) => {
    const n = (inFlight.get(client) ?? 1) - 1;
    if (n <= 0) inFlight.delete(client);
    else inFlight.set(client, n);
  };
  return async (c, next) => {
    if (max <= 0 || c.req.method === "OPTIONS") return next();
    const client = c.get("client") ?? "unknown";
    const n = inFlight.get(client) ?? 0;
    if (n >= max) throw tooManyInFlight(max);
    inFlight.set(client, n + 1);
    const outgoing = c.env?.outgoing;
    try {
      await next();
    } finally {
      // over a socket the response is written after this returns: count it until then
      if (outgoing && !outgoing.writableFinished && !outgoing.destroyed) {
        outgoing.once("close", () => release(client));
      } else {
        release(client);
      }
    }
  };
}
