import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "../log.js";
import { ApiError } from "./api-error.js";

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  408: "timeout",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "not_ready",
};

const INTERNAL = new ApiError(500, "internal", "internal error");

/** Every error becomes `{ error: { code, message } }`; nothing internal reaches the client. */
export function onError(log: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(err.toJSON(), err.status);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = CODES[err.status] ?? "bad_request";
      const message = err.status === 400 ? err.message || "bad request" : code.replace(/_/g, " ");
      return c.json(new ApiError(err.status, code, message).toJSON(), err.status);
    }
    if (c.req.raw.signal.aborted) {
      // the client went away mid-request: nothing to answer, nothing went wrong here
      log.info("client closed the request", { method: c.req.method, path: c.req.path });
      return new Response(null, { status: 499 });
    }
    // the error's name only: messages can carry upstream text or secrets
    log.error("unhandled error", {
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? err.name : typeof err,
    });
    return c.json(INTERNAL.toJSON(), INTERNAL.status);
  };
}
