import type { AddressInfo } from "node:net";
import { buildEngine } from "./build-engine.js";
import { ConfigError, loadConfig, secretsOf } from "./config.js";
import type { Engine } from "./engine.js";
import { createLogger } from "./log.js";
import { createApp } from "./server/app.js";
import { createHttpServer } from "./server/http-server.js";
import { type LimitStore, memoryLimitStore } from "./server/limit-store.js";
import { redisLimitStore } from "./server/redis-limit-store.js";
import { buildWidgetBundle } from "./widget/build.js";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
const log = createLogger(config.logLevel, undefined, secretsOf(config));

/** The live engine. A rebuild swaps it whole: a request uses the one it started with. */
let engine: Engine | undefined;
let stopping = false;

const limits: LimitStore = config.redisUrl
  ? await redisLimitStore(config.redisUrl, log)
  : memoryLimitStore();
const widgetBundle = await buildWidgetBundle();
const app = createApp({
  config,
  log,
  engine: () => engine,
  draining: () => stopping,
  widgetBundle,
  limits,
});
const server = createHttpServer(app.fetch, config.host);
server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  log.info("listening", { url: `http://${config.host}:${port}` });
});

async function load(reason: string, forceRebuild = false) {
  const started = performance.now();
  const next = await buildEngine(config, log, { forceRebuild });
  engine = next;
  log.info("ready", {
    reason,
    passages: next.index.passages.length,
    index: next.index.dir,
    ms: Math.round(performance.now() - started),
  });
}

// SIGHUP waits for the first load: two builds in one INDEX_DIR would undo each other
let reloading = true;
load("start")
  .then(() => {
    reloading = false;
  })
  .catch((err: unknown) => {
    log.error("could not load the index", {
      error: err instanceof Error ? err.message : String(err),
    });
    process.exit(1);
  });

// SIGHUP: reload (rebuilding when the corpus changed); the old engine serves until the swap.
process.on("SIGHUP", () => {
  if (reloading || stopping) return;
  reloading = true;
  load("SIGHUP")
    .catch((err: unknown) =>
      log.error("reload failed, keeping the current index", { error: String(err) }),
    )
    .finally(() => {
      reloading = false;
    });
});

/** Stop taking connections, let in-flight requests finish, then exit. */
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  server.close(() => {
    limits.close().finally(() => {
      log.info("stopped");
      process.exit(0);
    });
  });
  server.closeIdleConnections();
  setTimeout(() => {
    log.warn("in-flight requests did not finish in time");
    process.exit(1);
  }, 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
