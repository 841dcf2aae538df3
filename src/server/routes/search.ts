import { Hono } from "hono";
import { z } from "zod";
import { REQUEST_LIMITS } from "../../api-contract.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { scoredJson } from "../passage-json.js";
import { questionText, validate } from "../validate.js";

const query = z.object({
  q: questionText("q"),
  k: z.coerce
    .number()
    .int()
    .min(1)
    .max(REQUEST_LIMITS.searchK.max)
    .default(REQUEST_LIMITS.searchK.default),
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
