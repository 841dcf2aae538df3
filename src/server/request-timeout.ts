import type { MiddlewareHandler } from "hono";
import { ApiError } from "./api-error.js";

/** A request that has not produced its response in `ms` gets a 503 instead of hanging. */
export function requestTimeout(ms: number): MiddlewareHandler {
  return async (_c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new ApiError(503, "timeout", "the request took too long", { "Retry-After": "5" })),
        ms,
      );
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
