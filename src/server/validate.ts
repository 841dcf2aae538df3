import { zValidator } from "@hono/zod-validator";
import type { MiddlewareHandler } from "hono";
import type { ZodType } from "zod";
import { ApiError } from "./api-error.js";

type Target = "json" | "query" | "param";

/** zod at the edge: a failure is a 400 that says which field is wrong and why. */
export function validate<T extends ZodType, K extends Target>(target: K, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const detail = result.error.issues
        .slice(0, 5)
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
