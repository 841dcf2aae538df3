import { zValidator } from "@hono/zod-validator";
import type { MiddlewareHandler } from "hono";
import { type ZodType, z } from "zod";
import { REQUEST_LIMITS } from "../api-contract.js";
import { ApiError } from "./api-error.js";

type Target = "json" | "query" | "param";

/** Problems a 400 names at most: the first few say what to fix without a wall of text. */
const SHOWN_ISSUES = 5;

/** zod at the edge: a failure is a 400 that says which field is wrong and why. */
export function validate<T extends ZodType, K extends Target>(target: K, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const detail = result.error.issues
        .slice(0, SHOWN_ISSUES)
        .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
        .join("; ");
      throw new ApiError(400, "invalid_request", detail);
    }
  });
}

/** POST bodies must be JSON: anything else is a 415 before validation says "field missing". */
export const requireJson: MiddlewareHandler = async (c, next) => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "send the body as application/json");
  }
  await next();
};

/** A question: trimmed, not empty, not too long, with at least one letter, digit or character. */
export const questionText = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} is required`)
    .max(
      REQUEST_LIMITS.questionChars,
      `${field} is limited to ${REQUEST_LIMITS.questionChars} characters`,
    )
    .refine((s) => /[\p{L}\p{N}]/u.test(s), `${field} has no words in it`);

/** `max_chars`: a length cap for short replies (cut at a sentence end). */
export const replyChars = z
  .number()
  .int()
  .min(REQUEST_LIMITS.replyChars.min)
  .max(REQUEST_LIMITS.replyChars.max);
