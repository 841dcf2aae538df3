import { Hono } from "hono";
import { draining } from "../api-error.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";

export function healthRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", (c) => {
    if (deps.draining?.()) throw draining();
    const m = requireEngine(deps).index.manifest;
    return c.json({
      status: "ready",
      documents: m.documents,
      passages: m.passages,
    });
  });
  return app;
}
