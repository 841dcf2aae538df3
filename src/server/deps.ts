import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { Config } from "../config.js";
import type { Engine } from "../engine.js";
import type { Logger } from "../log.js";
import { ApiError } from "./api-error.js";

/** What the app is built from. `engine()` is undefined until the index is loaded. */
export type AppDeps = {
  config: Config;
  log: Logger;
  engine: () => Engine | undefined;
  /** true once shutdown has begun: /readyz says so, requests in flight still finish */
  draining?: () => boolean;
  /** the widget's script, built at start; no widget routes without it */
  widgetBundle?: string;
};

/** The engine, or a 503 that tells the client to come back. */
export function requireEngine(deps: AppDeps): Engine {
  const engine = deps.engine();
  if (!engine)
    throw new ApiError(503, "not_ready", "the index is still loading", { "Retry-After": "2" });
  return engine;
}

export type Env = {
  /** the Node request and response; absent for in-process requests (tests) */
  Bindings: Partial<HttpBindings>;
  Variables: { requestId: string; client?: string };
};
export type Ctx = Context<Env>;
