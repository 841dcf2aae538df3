import type { Server } from "node:http";
import { buildEngine } from "./build-engine.js";
import { type Config, ConfigError, loadConfig, secretsOf } from "./config.js";
import type { Engine } from "./engine.js";
import { captureLibraryOutput, createLogger, type Logger } from "./log.js";
import { createApp } from "./server/app.js";
import { createHttpServer } from "./server/http-server.js";
import { type LimitStore, memoryLimitStore } from "./server/limit-store.js";
import { redisLimitStore } from "./server/redis-limit-store.js";
import { buildWidgetBundle } from "./widget/build.js";

/** An error as log fields: its name and message (masked like every line), and where. */
const describe = (err: unknown) =>
  err instanceof Error
    ? { error: err.name, message: err.message, stack: err.stack }
    : { error: typeof err, message: String(err) };

/** Every line on stderr is JSON: uncaught errors too (warnings: captureLibraryOutput). */
function logEverything(log: Logger): void {
  process.on("uncaughtException", (err) => {
    log.error("uncaught exception", describe(err));
    process.exit(1);
  });
  process.on("unhandledRejection", (err) => {
    log.error("unhandled rejection", describe(err));
    process.exit(1);
  });
}

/** Listen, or say in one line why not (a port in use, no permission) and exit 1. */
function listen(server: Server, config: Config, log: Logger): Promise<void> {
  return new Promise((resolve) => {
    const failed = (err: NodeJS.ErrnoException) => {
      const where = { host: config.host, port: config.port, code: err.code };
      if (err.code === "EADDRINUSE")
        log.error("address in use: is the service running already?", where);
      else if (err.code === "EACCES") log.error("no permission to listen on this port", where);
      else log.error("could not listen", { ...where, ...describe(err) });
      process.exit(1);
    };
    server.once("error", failed);
    server.listen(config.port, config.host, () => {
      server.off("error", failed);
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      log.info("listening", { url: `http://${config.host}:${port}`, pid: process.pid });
      resolve();
    });
  });
}

async function start(config: Config, log: Logger): Promise<void> {
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
  await listen(server, config, log);

  const load = async (reason: string) => {
    const started = performance.now();
    const next = await buildEngine(config, log);
    engine = next;
    log.info("ready", {
      reason,
      passages: next.index.passages.length,
      index: next.index.dir,
      ms: Math.round(performance.now() - started),
    });
  };

  // SIGHUP waits for the first load: two builds in one INDEX_DIR would undo each other
  let reloading = true;
  load("start")
    .then(() => {
      reloading = false;
    })
    .catch((err: unknown) => {
      log.error("could not load the index", describe(err));
      process.exit(1);
    });

  // SIGHUP: reload (rebuilding when the corpus changed); the old engine serves until the swap.
  process.on("SIGHUP", () => {
    if (reloading || stopping) return;
    reloading = true;
    load("SIGHUP")
      .catch((err: unknown) => log.error("reload failed, keeping the current index", describe(err)))
      .finally(() => {
        reloading = false;
      });
  });

  /** Stop taking connections, let in-flight requests finish (drainMs), then exit. */
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal, drainMs: config.drainMs });
    server.close(() => {
      limits.close().finally(() => {
        log.info("stopped");
        process.exit(0);
      });
    });
    // connections idle now close now; those still busy close once their response is out
    server.closeIdleConnections();
    server.keepAliveTimeout = 1;
    setTimeout(() => {
      log.warn("in-flight requests did not finish in time", { drainMs: config.drainMs });
      process.exit(1);
    }, config.drainMs).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  createLogger("info").error(
    err instanceof ConfigError ? err.message : "could not read the configuration",
  );
  process.exit(1);
}
const log = createLogger(config.logLevel, undefined, secretsOf(config));
logEverything(log);
// LangChain and the openai client print to the console: keep stderr JSON lines only
captureLibraryOutput(log);
start(config, log).catch((err: unknown) => {
  log.error("could not start", describe(err));
  process.exit(1);
});
