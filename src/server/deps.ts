import type { HttpBindings } from "@hono/node-server";
import type { Config } from "../config.js";
import type { Engine } from "../engine.js";
import type { Logger } from "../log.js";
import { notReady } from "./api-error.js";
import type { LimitStore } from "./limit-store.js";

/** What the app is built from. `engine()` is undefined until the index is loaded. */
export type AppDeps = {
  config: Config;
  log: Logger;
  engine: () => Engine | undefined;
  /** true once shutdown has begun: /readyz says so, requests in flight still finish */
  draining?: () => boolean;
  /** the widget's script, built at start; no widget routes without it */
  widgetBundle?: string;
  /** where rate limits and the wrong-key counter live (default: this process's memory) */
  limits?: LimitStore;
};

/** The engine, or a 503 that tells the client to come back. */
export function requireEngine(deps: AppDeps): Engine {
  const engine = deps.engine();
  if (!engine) throw notReady();
  return engine;
}

/** Which kind of key a request carries: none needed (keys off), an API key, the widget's. */
export type Access = "open" | "api" | "widget";

export type Env = {
  /** the Node request and response; absent for in-process requests (tests) */
  Bindings: Partial<HttpBindings>;
  Variables: {
    requestId: string;
    /** the client's address (client-address.ts) */
    address?: string;
    access?: Access;
    /** who a request counts against: an API key's id, or the client's address */
    client?: string;
  };
};
