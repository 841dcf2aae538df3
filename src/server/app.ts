import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { requireKey } from "./auth.js";
import { limitBody } from "./body-limit.js";
import { corsFor } from "./cors.js";
import type { AppDeps, Env } from "./deps.js";
import { onError } from "./on-error.js";
import { rateLimit } from "./rate-limit.js";
import { requestTimeout } from "./request-timeout.js";
import { askRoutes } from "./routes/ask.js";
import { citeRoutes } from "./routes/cite.js";
import { corpusRoutes } from "./routes/corpus.js";
import { figureRoutes } from "./routes/figures.js";
import { healthRoutes } from "./routes/health.js";
import { openAiRoutes } from "./routes/openai-compat.js";
import { searchRoutes } from "./routes/search.js";
import { widgetRoutes } from "./widget-routes.js";

/** The whole HTTP surface, built from its dependencies; listening is main.ts's job. */
export function createApp(deps: AppDeps) {
  const { config, log } = deps;
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    const started = performance.now();
    c.set("requestId", randomUUID());
    await next();
    log.info("request", {
      id: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  app.use("*", secureHeaders({ crossOriginResourcePolicy: "cross-origin" }));
  // one instance each, so that /api and /v1 share a client's rate budget
  const guards = [
    corsFor(config.corsOrigins),
    requireKey(config),
    rateLimit(config.rateLimitPerMinute),
    requestTimeout(config.requestTimeoutMs),
    limitBody(config.bodyLimitBytes),
  ];
  for (const path of ["/api/*", "/v1/*"]) app.use(path, ...guards);

  app.route("/", healthRoutes(deps));
  app.route("/api/search", searchRoutes(deps));
  app.route("/api/ask", askRoutes(deps));
  app.route("/api/cite", citeRoutes(deps));
  app.route("/api/figures", figureRoutes(deps));
  app.route("/v1", openAiRoutes(deps));
  if (deps.widgetBundle) {
    app.route("/", widgetRoutes({ bundle: deps.widgetBundle, widgetKey: config.widgetKey }));
  }
  app.route("/api", corpusRoutes(deps));

  app.notFound((c) =>
    c.json(
      { error: { code: "not_found", message: `no route for ${c.req.method} ${c.req.path}` } },
      404,
    ),
  );
  app.onError(onError(log));
  return app;
}
