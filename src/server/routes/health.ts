import { Hono } from "hono";
import type { AppDeps, Env } from "../deps.js";

export function healthRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", (c) => {
    const engine = deps.engine();
    if (deps.draining?.()) {
      c.header("Retry-After", "2");
      return c.json({ error: { code: "draining", message: "shutting down" } }, 503);
    }
    if (!engine) {
      c.header("Retry-After", "2");
      return c.json({ error: { code: "not_ready", message: "the index is still loading" } }, 503);
    }
    const m = engine.index.manifest;
    return c.json({
      status: "ready",
      documents: m.documents,
      passages: m.passages,
    });
  });
  return app;
}
