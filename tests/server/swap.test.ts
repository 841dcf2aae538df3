import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildEngine } from "../../src/build-engine.js";
import { loadConfig } from "../../src/config.js";
import type { Engine } from "../../src/engine.js";
import { createLogger } from "../../src/log.js";
import { createApp } from "../../src/server/app.js";
import { testConfig, testEngine } from "../support/engine.js";

describe("swapping in a rebuilt index while serving", () => {
  it("answers every request from one whole index, old or new, never a mix", async () => {
    const before = await testEngine();
    const corpusDir = await mkdtemp(join(tmpdir(), "rqa-swap-corpus-"));
    await cp("corpus", corpusDir, { recursive: true });
    await writeFile(
      join(corpusDir, "annex.md"),
      "# 附件\n\n## 公园\n\n成都新建口袋公园42个，全部免费开放。\n",
    );
    const indexDir = await mkdtemp(join(tmpdir(), "rqa-swap-index-"));
    const after = await buildEngine(
      loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, LOG_LEVEL: "silent" }),
      createLogger("silent"),
    );

    let live: Engine = before;
    const app = createApp({
      config: testConfig({ RATE_LIMIT_PER_MINUTE: "0", MAX_IN_FLIGHT_PER_CLIENT: "0" }),
      log: createLogger("silent"),
      engine: () => live,
    });
    const ids = (e: Engine) => new Set(e.index.passages.map((p) => p.id));
    const oldIds = ids(before);
    const newIds = ids(after);

    const requests = Array.from({ length: 60 }, async (_, i) => {
      if (i === 30) live = after;
      const res = await app.request(`/api/search?q=${encodeURIComponent("成都新建公园")}&k=10`);
      const body = (await res.json()) as { results: { id: string; doc: string }[] };
      const all = body.results.map((r) => r.id);
      const fromOld = all.every((id) => oldIds.has(id));
      const fromNew = all.every((id) => newIds.has(id));
      expect(fromOld || fromNew).toBe(true);
      return body.results.some((r) => r.doc === "annex");
    });
    const sawAnnex = await Promise.all(requests);
    expect(sawAnnex.some(Boolean)).toBe(true);
    const docs = (await (await app.request("/api/documents")).json()) as {
      documents: { doc: string }[];
    };
    expect(docs.documents.map((d) => d.doc)).toContain("annex");
  });
});
