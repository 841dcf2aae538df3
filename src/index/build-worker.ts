import { parentPort, workerData } from "node:worker_threads";
import { makeEmbeddings } from "../embed/make-embeddings.js";
import { createTokenizer } from "../text/tokenizer.js";
import type { WorkerInput, WorkerMessage } from "./build-off-thread.js";
import { ensureIndex } from "./ensure-index.js";

// The worker thread that builds an index (build-off-thread.ts starts it): the build's CPU
// work happens here, so the thread that serves requests keeps serving.
const port = parentPort;
if (!port) throw new Error("build-worker.ts runs as a worker thread");
const send = (m: WorkerMessage) => port.postMessage(m);
const { job, embeddings: config } = workerData as WorkerInput;
const { embeddings } = makeEmbeddings(config, createTokenizer());
ensureIndex(job, embeddings, (msg, fields) => send({ kind: "log", msg, fields }))
  .then((result) => send({ kind: "done", result }))
  .catch((err: unknown) => {
    const e = (err instanceof Error ? err : new Error(String(err))) as NodeJS.ErrnoException;
    send({
      kind: "failed",
      error: { name: e.name, message: e.message, code: e.code, path: e.path },
    });
  });
