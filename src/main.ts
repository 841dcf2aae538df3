import { serve } from "@hono/node-server";
import { buildEngine } from "./build-engine.js";
import { ConfigError, loadConfig } from "./config.js";
import type { Engine } from "./engine.js";
import { createLogger } from "./log.js";
import { createApp } from "./server/app.js";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
const log = createLogger(config.logLevel);
let engine: Engine | undefined;

const app = createApp({ config, log, engine: () => engine });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info("listening", { url: `http://${config.host}:${info.port}` });
});

const started = performance.now();
buildEngine(config, log)
  .then((e) => {
    engine = e;
    log.info("ready", {
      passages: e.index.passages.length,
      ms: Math.round(performance.now() - started),
    });
  })
  .catch((err: unknown) => {
    log.error("could not load the index", {
      error: err instanceof Error ? err.message : String(err),
    });
    process.exit(1);
  });

/** Stop taking connections, let in-flight requests finish, then exit. */
function shutdown(signal: string) {
  log.info("shutting down", { signal });
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
