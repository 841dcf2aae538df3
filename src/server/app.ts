import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { allowedMethods } from "./allowed-methods.js";
import { ApiError } from "./api-error.js";
import { requireKey } from "./auth.js";
import { limitBody } from "./body-limit.js";
import { findClientAddress } from "./client-address.js";
import { corsFor } from "./cors.js";
import type { AppDeps, Env } from "./deps.js";
import { capInFlight } from "./in-flight.js";
import { memoryLimitStore } from "./limit-store.js";
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

/** The paths behind CORS, keys and limits (and so answering OPTIONS preflights). */
const GUARDED = ["/api/*", "/v1/*"];

/** The whole HTTP surface, built from its dependencies; listening is main.ts's job. */
export function createApp(deps: AppDeps) {
  const { config, log } = deps;
  const limits = deps.limits ?? memoryLimitStore();
  const clientAddress = findClientAddress(config.trustProxy);
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
  // one instance each, so that /api and /v1 share a client's budgets
  const guards = [
    corsFor(config.corsOrigins),
    clientAddress,
    requireKey(config, limits),
    rateLimit(config, limits),
    capInFlight(config.maxInFlightPerClient),
    requestTimeout(config.requestTimeoutMs),
    limitBody(config.bodyLimitBytes),
  ];
  for (const path of GUARDED) app.use(path, ...guards);

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

  const allowed = allowedMethods(() => app.routes);
  const handleError = onError(log);
  app.notFound((c) => {
    const allow = allowed(c.req.path);
    if (allow.length === 0)
      return handleError(
        new ApiError(404, "not_found", `no route for ${c.req.method} ${c.req.path}`),
        c,
      );
    if (/^\/(api|v1)\//.test(c.req.path)) allow.push("OPTIONS");
    return handleError(
      new ApiError(405, "method_not_allowed", `${c.req.path} answers ${allow.join(", ")}`, {
        Allow: allow.join(", "),
      }),
      c,
    );
  });
  app.onError(handleError);
  return app;
}
