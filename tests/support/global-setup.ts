import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildEngine } from "../../src/build-engine.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";

declare module "vitest" {
  export interface ProvidedContext {
    indexDir: string;
  }
}

/** Build the real report's index once; test files load it (fast) instead of rebuilding. */
export default async function setup(project: TestProject) {
  const indexDir = await mkdtemp(join(tmpdir(), "rqa-test-index-"));
  await buildEngine(
    loadConfig({ INDEX_DIR: indexDir, LOG_LEVEL: "silent" }),
    createLogger("silent"),
  );
  project.provide("indexDir", indexDir);
  return async () => {
    await rm(indexDir, { recursive: true, force: true });
  };
}
