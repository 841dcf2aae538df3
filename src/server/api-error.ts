import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The one error type of the API: a status, a stable code and a message safe to show. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toJSON(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);

/** Seconds a client is told to wait before asking again (Retry-After) when it had to be refused. */
const RETRY_AFTER_S = {
  /** the index is still loading, or the server is shutting down (another replica may answer) */
  notReady: 2,
  /** the client already has as many requests in flight as it may */
  inFlight: 1,
  /** the request took longer than REQUEST_TIMEOUT_MS: the service is slow */
  slow: 5,
} as const;

const retryAfter = (s: number) => ({ "Retry-After": String(s) });

export const notReady = () =>
  new ApiError(503, "not_ready", "the index is still loading", retryAfter(RETRY_AFTER_S.notReady));

export const draining = () =>
  new ApiError(503, "draining", "shutting down", retryAfter(RETRY_AFTER_S.notReady));

export const tooManyInFlight = (max: number) =>
  new ApiError(
    429,
    "rate_limited",
    `at most ${max} requests at once per client`,
    retryAfter(RETRY_AFTER_S.inFlight),
  );

export const tooSlow = () =>
  new ApiError(503, "timeout", "the request took too long", retryAfter(RETRY_AFTER_S.slow));

/** What a stream that already sent its 200 says when its answer fails: an `error` event's data. */
export const answerFailed = () =>
  new ApiError(500, "internal", "the answer could not be completed");
