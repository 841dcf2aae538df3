import { Hono } from "hono";
import { z } from "zod";
import { REQUEST_LIMITS } from "../../api-contract.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { scoredJson } from "../passage-json.js";
import { validate } from "../validate.js";

export const MAX_QUESTION = REQUEST_LIMITS.questionChars;

/** A question: trimmed, not empty, not too long, with at least one letter, digit or character. */
export const questionText = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} is required`)
    .max(MAX_QUESTION, `${field} is limited to ${MAX_QUESTION} characters`)
    .refine((s) => /[\p{L}\p{N}]/u.test(s), `${field} has no words in it`);

const query = z.object({
  q: questionText("q"),
  k: z.coerce.number().int().min(1).max(50).default(5),
});

export function searchRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.get("/", validate("query", query), async (c) => {
    const { q, k } = c.req.valid("query");
    const engine = requireEngine(deps);
    const { hits } = await engine.search(q, k);
    return c.json({
      query: q,
      results: hits.map((h) => scoredJson(h.passage, h.score, engine.context.docs)),
    });
  });
  return app;
}
