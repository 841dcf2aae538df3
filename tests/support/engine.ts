import { inject } from "vitest";
import { buildEngine } from "../../src/build-engine.js";
import { type Config, loadConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";

/** The offline configuration over the real report, with the index built by global setup. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ INDEX_DIR: inject("indexDir"), LOG_LEVEL: "silent", ...env });
}

let shared: Promise<Engine> | undefined;

/** One engine per test file, loaded from the prebuilt index. */
export function testEngine(): Promise<Engine> {
  shared ??= buildEngine(testConfig(), createLogger("silent"));
  return shared;
}

/** The real app around the real engine. */
export async function testApp(env: Record<string, string> = {}) {
  const engine = await testEngine();
  const config = testConfig(env);
  return createApp({ config, log: createLogger("silent"), engine: () => engine });
}
