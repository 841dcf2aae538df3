import { copyFile, cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LocalEmbeddings } from "../../src/embed/local-embeddings.js";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { nearestPassages } from "../../src/index/hnsw-graph.js";
import type { LoadedIndex } from "../../src/index/load-index.js";
import { openIndex } from "../../src/index/open-index.js";
import { createSearcher } from "../../src/retrieve/hybrid-search.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

/** The local embedder, counting the passages it is asked to embed. */
class CountingEmbeddings extends LocalEmbeddings {
  embedded = 0;
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded += texts.length;
    return super.embedDocuments(texts);
  }
}

const { name } = makeEmbeddings({ kind: "local" }, createTokenizer());
const embeddings = new CountingEmbeddings({ tokenizer: createTokenizer() });
const tmp = (what: string) => mkdtemp(join(tmpdir(), `rqa-update-${what}-`));
const BEIJING = "tests/fixtures/reports/provinces-2025/2025年北京市政府工作报告.docx";
const SHANGHAI = "tests/fixtures/reports/provinces-2025/2025年上海市政府工作报告.docx";
const PARKS = "# 附件\n\n## 公园\n\n成都新建口袋公园42个，全部免费开放。\n";

const open = (corpusDir: string, indexDir: string, force = false) =>
  openIndex({ corpusDir, indexDir, embeddings, embedder: name, force });

const QUESTIONS = [
  "国家高新技术企业有多少家",
  "北京地区生产总值增长多少",
  "How many pocket parks were built?",
  "空气质量优良天数",
  "城镇新增就业",
];

/** Everything a client can see of an index, and its search results, as in a full build. */
async function expectSameIndex(updated: LoadedIndex, full: LoadedIndex) {
  expect(updated.docs).toEqual(full.docs);
  expect(updated.passages).toEqual(full.passages);
  expect(updated.skipped).toEqual(full.skipped);
  expect(updated.bm25.data).toEqual(full.bm25.data);
  expect(Buffer.from(updated.vectorsByDim).equals(Buffer.from(full.vectorsByDim))).toBe(true);
  expect(updated.extras).toEqual(full.extras);
  const [a, b] = [createSearcher(updated), createSearcher(full)];
  for (const q of QUESTIONS) {
    const [ra, rb] = [await a(q, 10), await b(q, 10)];
    expect(ra.hits.map((h) => [h.passage.id, h.score])).toEqual(
      rb.hits.map((h) => [h.passage.id, h.score]),
    );
    // the graph alone: the same neighbours; a graph made again from its own (normalized,
    // float32) vectors normalizes them once more, which moves the 7th digit of a distance
    const v = await embeddings.embedQuery(q);
    const [na, nb] = [nearestPassages(updated, v, 10), nearestPassages(full, v, 10)];
    expect(na.map((h) => h.index)).toEqual(nb.map((h) => h.index));
    for (const [i, h] of na.entries()) expect(h.score).toBeCloseTo(nb[i]?.score as number, 6);
  }
}

describe("updating the index when corpus files change", () => {
  it("re-ingests and re-embeds only the changed or added file, and equals a full build", async () => {
    const corpusDir = await tmp("corpus");
    await cp("corpus", corpusDir, { recursive: true });
    await copyFile(BEIJING, join(corpusDir, "beijing.docx"));
    await writeFile(join(corpusDir, "parks.md"), PARKS);
    const indexDir = await tmp("index");
    const first = await open(corpusDir, indexDir);
    expect(first.manifest.reused).toBe(0);
    const passagesOf = (ix: LoadedIndex, doc: string) =>
      ix.passages.filter((p) => p.doc === doc).length;

    // a changed file
    await writeFile(join(corpusDir, "parks.md"), `${PARKS}\n## 绿道\n\n新增天府绿道300公里。\n`);
    embeddings.embedded = 0;
    const changed = await open(corpusDir, indexDir);
    expect(changed.built).toBe(true);
    expect(changed.manifest.reused).toBe(2);
    expect(embeddings.embedded).toBe(passagesOf(changed, "parks"));
    expect(changed.passages.some((p) => p.text.includes("天府绿道300公里"))).toBe(true);
    await expectSameIndex(changed, await open(corpusDir, await tmp("full"), true));

    // an added file (it sorts first: every passage after it moves) and a removed one
    await writeFile(join(corpusDir, "annex.md"), "# 附录\n\n全市新增“口袋公园”42个。\n");
    await rm(join(corpusDir, "parks.md"));
    embeddings.embedded = 0;
    const added = await open(corpusDir, indexDir);
    expect(added.manifest.reused).toBe(2);
    expect(embeddings.embedded).toBe(passagesOf(added, "annex"));
    expect(added.docs.map((d) => d.doc)).toEqual([
      "annex",
      "beijing",
      "chengdu-2024-government-work-report",
    ]);
    await expectSameIndex(added, await open(corpusDir, await tmp("full"), true));
    // the graph kept the nodes of the passages gone, deleted: parks.md's first version's,
    // then its second's
    expect(added.passageOf.filter((p) => p < 0).length).toBe(
      passagesOf(first, "parks") + passagesOf(changed, "parks"),
    );

    // most passages replaced (another report under the same name): the graph is made again
    await copyFile(SHANGHAI, join(corpusDir, "beijing.docx"));
    embeddings.embedded = 0;
    const replaced = await open(corpusDir, indexDir);
    expect(replaced.manifest.reused).toBe(2);
    expect(embeddings.embedded).toBe(passagesOf(replaced, "beijing"));
    expect(replaced.passageOf).toEqual(Int32Array.from(replaced.passages, (_, i) => i));
    await expectSameIndex(replaced, await open(corpusDir, await tmp("full"), true));
  }, 300_000);
});
