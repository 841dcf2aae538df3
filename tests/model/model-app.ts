/** The real app and engine with the model path on, talking to the fake OpenAI server. */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { buildEngine } from "../../src/build-engine.js";
import { type Config, loadConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { testApp } from "../support/engine.js";
import { type FakeOpenAI, startFakeOpenAI } from "./fake-openai.js";

export type ModelApp = {
  app: ReturnType<typeof createApp>;
  engine: Engine;
  config: Config;
  /** every log line the app wrote (JSON lines, debug level and up) */
  logs: string[];
  /** an index folder of its own (a copy of the prebuilt one when global setup made it) */
  indexDir: string;
  cleanup(): Promise<void>;
};

/** The brief's test configuration, plus `env`. */
export function modelConfig(fake: FakeOpenAI, indexDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    OPENAI_API_KEY: "test",
    OPENAI_BASE_URL: fake.url,
    CORPUS_DIR: "corpus",
    INDEX_DIR: indexDir,
    LOG_LEVEL: "silent",
    MODEL_TIMEOUT_MS: "1500",
    ...env,
  });
}

/** A fresh index folder: the global setup's index copied in (loads fast), or empty. */
export async function tempIndexDir(copyPrebuilt = true): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rqa-model-index-"));
  const prebuilt = copyPrebuilt ? inject("indexDir") : undefined;
  if (prebuilt) await cp(prebuilt, dir, { recursive: true });
  return dir;
}

/** buildEngine + createApp, exactly as main.ts wires them, with a capturing logger. */
export async function startModelApp(
  fake: FakeOpenAI,
  env: Record<string, string> = {},
  indexDir?: string,
): Promise<ModelApp> {
  const dir = indexDir ?? (await tempIndexDir());
  const config = modelConfig(fake, dir, env);
  const logs: string[] = [];
  const log = createLogger("debug", (line) => logs.push(line) > 0);
  const engine = await buildEngine(config, log);
  const app = createApp({ config, log, engine: () => engine });
  return {
    app,
    engine,
    config,
    logs,
    indexDir: dir,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * A test file's model apps: the fake OpenAI server, the app against it with the brief's
 * configuration (`m`), one app per named variant with its own env and index folder, and
 * the offline app over the same index (`offline`: what a reader gets without a model).
 * Started before the file's tests and removed after them; the fake's replies reset before
 * each test.
 */
export function useModelApps<K extends string = never>(
  variants: Record<K, Record<string, string>> = {} as Record<K, Record<string, string>>,
) {
  const apps = {} as { fake: FakeOpenAI; m: ModelApp; offline: ModelApp["app"] } & Record<
    K,
    ModelApp
  >;
  const started: ModelApp[] = [];
  beforeAll(async () => {
    apps.offline = await testApp();
    apps.fake = await startFakeOpenAI();
    apps.m = await startModelApp(apps.fake);
    started.push(apps.m);
    for (const [name, env] of Object.entries(variants) as [K, Record<string, string>][]) {
      const app = await startModelApp(apps.fake, env);
      (apps as Record<K, ModelApp>)[name] = app;
      started.push(app);
    }
  });
  afterAll(async () => {
    await apps.fake?.close();
    for (const app of started) await app.cleanup();
  });
  beforeEach(() => apps.fake.reset());
  return apps;
}

function postAsk(
  app: ModelApp["app"],
  body: Record<string, unknown>,
  headers: Record<string, string>,
  init: RequestInit,
): Promise<Response> {
  return Promise.resolve(
    app.request("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
      ...init,
    }),
  );
}

/** POST /api/ask as JSON. */
export function askJson(
  app: ModelApp["app"],
  body: Record<string, unknown>,
  init: RequestInit = {},
): Promise<Response> {
  return postAsk(app, body, {}, init);
}

/** POST /api/ask as Server-Sent Events. */
export function askStream(
  app: ModelApp["app"],
  body: Record<string, unknown>,
  init: RequestInit = {},
): Promise<Response> {
  return postAsk(app, body, { Accept: "text/event-stream" }, init);
}

export type SseEvent = { event: string; data: unknown };

/** A whole SSE body -> its events, data parsed as JSON. */
export function parseSse(text: string): SseEvent[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
      const data = lines
        .filter((l) => l.startsWith("data: "))
        .map((l) => l.slice(6))
        .join("\n");
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** The JSON Answer of the API, as the tests read it. */
export type AnswerBody = {
  answer: string;
  language: "zh" | "en";
  grounded: boolean;
  mode: "extractive" | "llm";
  citations: { n: number; id: string; text: string }[];
  related: { id: string; text: string }[];
  unsupportedFigures?: string[];
};
