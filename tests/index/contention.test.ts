import { cp, mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { lexiconCacheDir } from "../../src/index/lexicon-extras.js";
import { runCli } from "./cli-process.js";

describe("several processes starting on one empty INDEX_DIR at once", () => {
  it("all succeed on one complete index: none deletes another's build", async () => {
    const corpusDir = await mkdtemp(join(tmpdir(), "rqa-contention-corpus-"));
    await cp("corpus", corpusDir, { recursive: true });
    const indexDir = await mkdtemp(join(tmpdir(), "rqa-contention-index-"));
    const env = { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir };
    const searches = 5;
    const runs = await Promise.all([
      ...Array.from({ length: searches }, () =>
        runCli(["search", "国家高新技术企业有多少家"], env),
      ),
      runCli(["ingest"], env),
    ]);
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
    for (const run of runs.slice(0, searches))
      expect(run.stdout).toContain("国家高新技术企业突破1.3万家");
    expect(runs[searches]?.stdout).toMatch(
      /^built \d+ passages from 1 document\(s\) in \d+ ms -> /,
    );

    // one complete index is current; what the builds left is the current one and at most
    // the one it replaced (the ingest may come after a search's build), beside the lexicon's
    // cache, with no lock and no temporary folder
    const current = (await readFile(join(indexDir, "CURRENT"), "utf8")).trim();
    const entries = (await readdir(indexDir)).sort();
    const cache = basename(lexiconCacheDir(indexDir));
    expect(entries).toContain(current);
    expect(entries).toContain(cache);
    expect(entries.filter((e) => e.startsWith("."))).toEqual([]);
    const builds = entries.filter((e) => e !== "CURRENT" && e !== cache);
    expect(builds.length).toBeLessThanOrEqual(2);
    const manifest = JSON.parse(await readFile(join(indexDir, current, "manifest.json"), "utf8"));
    expect(manifest.documents).toBe(1);
  }, 300_000);
});
