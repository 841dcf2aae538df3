import type { MiddlewareHandler } from "hono";
import { ApiError, tooSlow } from "./api-error.js";
import type { Env } from "./deps.js";

/**
 * A request that has not produced its response in `ms` gets an error instead of hanging:
 * a 408 while its body is still arriving (the client is slow; the connection is closed,
 * since the rest of the body would follow), else a 503 (the service is slow).
 */
export function requestTimeout(ms: number): MiddlewareHandler<Env> {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const incoming = c.env?.incoming;
        if (incoming && !incoming.complete) {
          reject(
            new ApiError(408, "timeout", "the request's body did not arrive in time", {
              Connection: "close",
            }),
          );
        } else {
          reject(tooSlow());
        }
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
