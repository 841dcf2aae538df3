import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { ApiError } from "./api-error.js";
import { requireKey } from "./auth.js";
import type { AppDeps, Env } from "./deps.js";
import { onError } from "./on-error.js";
import { rateLimit } from "./rate-limit.js";
import { requestTimeout } from "./request-timeout.js";
import { askRoutes } from "./routes/ask.js";
import { citeRoutes } from "./routes/cite.js";
import { corpusRoutes } from "./routes/corpus.js";
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
  const corsOrigins = cors({
    origin: (origin) =>
      config.corsOrigins.includes("*") || config.corsOrigins.includes(origin) ? origin : null,
    allowMethods: ["GET", "POST", "OPTIONS"],
    allowHeaders: ["Content-Type", "Authorization", "Accept"],
    exposeHeaders: ["Retry-After"],
    maxAge: 600,
  });
  const limitBody = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: () => {
      throw new ApiError(
        413,
        "payload_too_large",
        `bodies are limited to ${config.bodyLimitBytes} bytes`,
      );
    },
  });
  // one instance each, so that /api and /v1 share a client's rate budget
  const guards = [
    corsOrigins,
    requireKey(config),
    rateLimit(config.rateLimitPerMinute),
    requestTimeout(config.requestTimeoutMs),
    limitBody,
  ];
  for (const path of ["/api/*", "/v1/*"]) app.use(path, ...guards);

  app.route("/", healthRoutes(deps));
  app.route("/api/search", searchRoutes(deps));
  app.route("/api/ask", askRoutes(deps));
  app.route("/api/cite", citeRoutes(deps));
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
