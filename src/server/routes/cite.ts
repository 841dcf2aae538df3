import { Hono } from "hono";
import { z } from "zod";
import { checkClaim } from "../../answer/check-claim.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { scoredJson } from "../passage-json.js";
import { questionText, requireJson, validate } from "../validate.js";

const citeBody = z.object({
  claim: questionText("claim"),
});

/** POST /api/cite: does the report state this claim, with these figures? */
export function citeRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.post("/", requireJson, validate("json", citeBody), async (c) => {
    const { claim } = c.req.valid("json");
    const engine = requireEngine(deps);
    const v = await checkClaim(claim, engine.search, engine.index);
    return c.json({
      claim,
      supported: v.supported,
      reason: v.reason,
      evidence: v.evidence ?? null,
      matches: v.matches.map((h) => scoredJson(h.passage, h.score, engine.context.docs)),
    });
  });
  return app;
}
