import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Config } from "../config.js";
import type { Ensured, IndexJob, LogFn } from "./ensure-index.js";
import { IndexError } from "./load-index.js";

export type WorkerInput = { job: IndexJob; embeddings: Config["embeddings"] };
export type WorkerMessage =
  | { kind: "log"; msg: string; fields?: Record<string, unknown> }
  | { kind: "done"; result: Ensured }
  | { kind: "failed"; error: FailedBuild };

/** A build's error as it crosses threads: its class, message, and errno code and path. */
export type FailedBuild = { name: string; message: string; code?: string; path?: string };

/** tsx's ESM registration, for a worker that loads TypeScript (dev and tests run the sources). */
function tsxRegisterUrl(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("tsx/package.json");
  const exported = JSON.parse(readFileSync(pkg, "utf8")).exports["./esm/api"].import.default;
  return pathToFileURL(join(dirname(pkg), exported)).href;
}

/**
 * The build worker beside this file: build-worker.js in the production build, or
 * build-worker.ts under tsx or vitest, where the worker first registers tsx (a worker
 * does not inherit the loader its parent was started with).
 */
function startWorker(input: WorkerInput): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts"))
    return new Worker(new URL("./build-worker.js", here), { workerData: input });
  const entry = new URL("./build-worker.ts", here).href;
  const code = `import(${JSON.stringify(tsxRegisterUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: input });
}

/** The worker's error as the error it was: IndexError stays IndexError, errno fields stay. */
function revive({ name, message, code, path }: FailedBuild): Error {
  const err = name === "IndexError" ? new IndexError(message) : new Error(message);
  return Object.assign(err, code ? { code } : {}, path ? { path } : {});
}

/**
 * ensureIndex in a worker thread: reading, ingesting, tokenizing, embedding and writing an
 * index never block this thread's event loop. The worker makes its own embedder from the
 * configuration, and its log lines come back here.
 */
export function ensureIndexOffThread(
  job: IndexJob,
  embeddings: Config["embeddings"],
  log: LogFn,
): Promise<Ensured> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = startWorker({ job, embeddings });
    worker.on("message", (m: WorkerMessage) => {
      if (m.kind === "log") log(m.msg, m.fields);
      else if (m.kind === "done") {
        settled = true;
        resolve(m.result);
      } else {
        settled = true;
        reject(revive(m.error));
      }
    });
    worker.on("error", (err) => {
      settled = true;
      reject(err);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`the index build stopped (worker exit code ${code})`));
    });
  });
}
