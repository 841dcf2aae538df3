import { beforeAll, describe, expect, inject, it } from "vitest";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { type LoadedIndex, loadIndex } from "../../src/index/load-index.js";
import { createSearcher, type Searcher } from "../../src/retrieve/hybrid-search.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

// the real report's index, built by the global setup (buildIndex with the lexicon hook)
let index: LoadedIndex;
let search: Searcher;

beforeAll(async () => {
  const { embeddings } = makeEmbeddings({ kind: "local" }, createTokenizer());
  index = await loadIndex(inject("indexDir"), embeddings);
  search = createSearcher(index);
});

async function rankOf(question: string, evidence: string): Promise<number> {
  const { hits } = await search(question, 5);
  return hits.findIndex((h) => h.passage.text.includes(evidence)) + 1;
}

describe("cross-lingual retrieval over the real report", () => {
  it("builds a small lexicon beside the index", () => {
    const lexicon = index.lexicon;
    if (!lexicon) throw new Error("the index has no lexicon");
    const entries = Object.keys(lexicon.entries).length;
    expect(entries).toBeGreaterThan(1000);
    expect(JSON.stringify(lexicon).length).toBeLessThan(1_000_000);
  });

  it("finds the passage for a question in traditional Chinese", async () => {
    expect(await rankOf("成都的國家高新技術企業有多少家？", "国家高新技术企业突破1.3万家")).toBe(1);
    expect(await rankOf("去年來成都旅遊的遊客有多少人次？", "全年接待游客2.8亿人次")).toBe(1);
  });

  it("uses both halves of a mixed question", async () => {
    expect(await rankOf("成都今年GDP target是多少？", "地区生产总值增长6%左右")).toBe(1);
    expect(await rankOf("成都的R&D经费增长了多少？", "全社会研发经费投入增长16%")).toBe(1);
  });

  it.each([
    ["How many high-tech enterprises does Chengdu have?", "国家高新技术企业突破1.3万家"],
    ["By how much did Chengdu's R&D spending grow in 2023?", "全社会研发经费投入增长16%"],
    ["How many tourists visited Chengdu in 2023?", "全年接待游客2.8亿人次"],
    ["What is the 2024 target for fixed-asset investment growth?", "全社会固定资产投资增长6.5%"],
    ["Which city ranked ninth among the top 100 advanced manufacturing cities?", "排名第9位"],
    ["Are there more than 13,000 national high-tech enterprises?", "国家高新技术企业突破1.3万家"],
    ["What anniversary event is planned for Chunxi Road in 2024?", "举办春熙路开街百年活动"],
    ["How many EV charging piles has Chengdu built?", "充电桩7.7万个"],
  ])("finds the passage for %s in the top 5", async (question, evidence) => {
    expect(await rankOf(question, evidence)).toBeGreaterThan(0);
  });
});
