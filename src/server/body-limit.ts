import type { MiddlewareHandler } from "hono";
import { bodyLimit as streamingBodyLimit } from "hono/body-limit";
import { ApiError } from "./api-error.js";

/**
 * Bodies over `maxBytes` get a 413. A declared Content-Length is checked from the header
 * alone, so the route can read the body straight off the socket (@hono/node-server's fast
 * path); only a chunked body is counted as it streams in.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => {
    throw new ApiError(413, "payload_too_large", `bodies are limited to ${maxBytes} bytes`);
  };
  const streaming = streamingBodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number(length) > maxBytes ? tooLarge() : next();
    }
    return streaming(c, next);
  };
}
