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
