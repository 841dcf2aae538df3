import { Hono } from "hono";
import { z } from "zod";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { scoredJson } from "../passage-json.js";
import { validate } from "../validate.js";

export const MAX_QUESTION = 2000;

const query = z.object({
  q: z.string().trim().min(1, "q is required").max(MAX_QUESTION),
  k: z.coerce.number().int().min(1).max(50).default(5),
});

export function searchRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.get("/", validate("query", query), async (c) => {
    const { q, k } = c.req.valid("query");
    const { hits } = await requireEngine(deps).search(q, k);
    return c.json({ query: q, results: hits.map((h) => scoredJson(h.passage, h.score)) });
  });
  return app;
}
