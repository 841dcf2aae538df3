import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { buildIndex } from "../../src/index/build-index.js";
import { readCurrent } from "../../src/index/layout.js";
import { IndexError, loadIndex } from "../../src/index/load-index.js";
import { openIndex } from "../../src/index/open-index.js";
import { readCorpus } from "../../src/ingest/read-corpus.js";
import { createSearcher } from "../../src/retrieve/hybrid-search.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

const { embeddings, name } = makeEmbeddings({ kind: "local" }, createTokenizer());
const tmp = () => mkdtemp(join(tmpdir(), "rqa-index-"));

async function copyCorpus(): Promise<string> {
  const dir = await tmp();
  await cp("corpus", dir, { recursive: true });
  return dir;
}

describe("the index on disk", () => {
  it("saves and loads to the same search results, through HNSW and BM25", async () => {
    const indexDir = await tmp();
    const { files } = await readCorpus("corpus");
    const built = await buildIndex({ files, indexDir, embeddings, embedder: name });
    expect(built.manifest.passages).toBeGreaterThan(50);
    const a = await loadIndex(indexDir, embeddings);
    const b = await loadIndex(indexDir, embeddings);
    const q = "国家高新技术企业有多少家";
    const ra = await createSearcher(a)(q, 5);
    const rb = await createSearcher(b)(q, 5);
    expect(ra.hits.map((h) => h.passage.id)).toEqual(rb.hits.map((h) => h.passage.id));
    expect(ra.hits[0]?.passage.text).toContain("国家高新技术企业突破1.3万家");
    // the dense side alone finds it too
    const vector = await embeddings.embedQuery(q);
    const knn = a.vectors.index.searchKnn(vector, 5);
    expect(knn.neighbors.map((i) => a.passages[i]?.text).join("")).toContain("高新技术企业");
    // nothing half-written is left behind
    const entries = await readdir(indexDir);
    expect(entries.filter((e) => e.startsWith(".tmp-"))).toEqual([]);
  });

  it("detects a corrupt index by its manifest and rebuilds it, never serving it", async () => {
    const indexDir = await tmp();
    const first = await openIndex({ corpusDir: "corpus", indexDir, embeddings, embedder: name });
    expect(first.built).toBe(true);
    const again = await openIndex({ corpusDir: "corpus", indexDir, embeddings, embedder: name });
    expect(again.built).toBe(false);

    const current = await readCurrent(indexDir);
    const corpusFile = join(indexDir, current as string, "corpus.json");
    const text = await readFile(corpusFile, "utf8");
    await writeFile(corpusFile, text.replace("1.3万", "9.9万"));
    await expect(loadIndex(indexDir, embeddings)).rejects.toBeInstanceOf(IndexError);
    const repaired = await openIndex({ corpusDir: "corpus", indexDir, embeddings, embedder: name });
    expect(repaired.built).toBe(true);
    expect(repaired.passages.some((p) => p.text.includes("9.9万"))).toBe(false);
  });

  it("rebuilds when the corpus or the embedder changes", async () => {
    const indexDir = await tmp();
    const corpusDir = await copyCorpus();
    await openIndex({ corpusDir, indexDir, embeddings, embedder: name });
    await writeFile(join(corpusDir, "extra.md"), "# 附录\n\n成都新增口袋公园42个。\n");
    const changed = await openIndex({ corpusDir, indexDir, embeddings, embedder: name });
    expect(changed.built).toBe(true);
    expect(changed.docs.map((d) => d.doc)).toContain("extra");
    const other = await openIndex({ corpusDir, indexDir, embeddings, embedder: `${name}-other` });
    expect(other.built).toBe(true);
    expect(other.manifest.embedder).toBe(`${name}-other`);
  });
});
