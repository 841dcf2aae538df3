import { beforeAll, describe, expect, inject, it } from "vitest";
import { lexiconCacheDir } from "../../src/index/lexicon-extras.js";
import { indexedText } from "../../src/index/passage-text.js";
import { ingestFile } from "../../src/ingest/ingest-file.js";
import { corpusLexicon } from "../../src/lexicon/build/corpus-lexicon.js";
import { termDf } from "../../src/lexicon/build/corpus-vocabulary.js";
import type { Lexicon } from "../../src/lexicon/lexicon.js";
import { translateEnglish } from "../../src/lexicon/translate/translate.js";
import { domainWords } from "../../src/text/domain-words.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

const CORPUS = [
  "全社会固定资产投资增长6.5%，外贸进出口总额增长。",
  "成渝中线高铁加快建设，全社会研发经费投入增长16%，国家高新技术企业突破1.3万家。",
  "黑豹队的防守只丢了308分。贾里德·艾伦是五次职业碗选手。",
  "举办春熙路开街百年活动，推动消费提质扩容。",
  "沃伊切赫·波古斯洛斯基剧院 (Wojciech Bogusławski Theatre) 是波兰纪念剧院的典范。",
  "在马纳金镇地区，定居者建立了教堂。古气候学家研究冰芯中的氧同位素。",
  "防范化解地方政府债务风险，粮食每亩产量提高20斤。泰晤士河流经伦敦。",
].join("\n\n");

const { passages } = ingestFile({ name: "small.txt", format: "txt", raw: CORPUS, meta: {} });
const userWords = [...domainWords()];
let lexicon: Lexicon;

/** Every index term a translation offers, group by group. */
const translate = (english: string) =>
  translateEnglish(english, lexicon).groups.map((g) => g.alts.map((a) => a.term));

beforeAll(async () => {
  const tokenizer = createTokenizer(userWords);
  const texts = passages.map(indexedText);
  const termLists = texts.map((t) => tokenizer.terms(t));
  const docs = passages.map((p) => p.doc);
  // the reversed CC-CEDICT from the cache the global setup's index build made
  const cacheDir = lexiconCacheDir(inject("indexDir"));
  lexicon = (
    await corpusLexicon({ texts, docs, df: termDf(termLists), tokenizer, userWords }, { cacheDir })
  ).lexicon;
});

describe("the English -> Chinese lexicon of a small corpus", () => {
  it("keeps only Chinese the corpus has, as the index's own terms", () => {
    const tokenizer = createTokenizer(userWords);
    const terms = new Set(passages.flatMap((p) => tokenizer.terms(p.text)));
    const offered = Object.values(lexicon.entries).flatMap((senses) =>
      senses.flatMap(([form]) => form.split(" ")),
    );
    expect(offered.length).toBeGreaterThan(100);
    expect(offered.filter((t) => !terms.has(t))).toEqual([]);
    // a dictionary of 120,000 entries shrinks to the corpus's vocabulary
    expect(Object.keys(lexicon.entries).length).toBeLessThan(3000);
  });

  it("maps words, with plural, -ed and irregular forms", () => {
    expect(translate("investment")[0]).toContain("投资");
    expect(translate("invested")[0]).toContain("投资");
    expect(translate("enterprises")[0]).toContain("企业");
    expect(translate("grew")[0]).toContain("增长");
  });

  it("maps phrases before their words", () => {
    expect(translate("foreign trade")).toHaveLength(1);
    expect(translate("foreign trade")[0]).toContain("外贸");
    expect(translate("high-speed rail")).toHaveLength(1);
    expect(translate("high-speed rail")[0]).toContain("高铁");
    expect(translate("R&D spending")[0]).toContain("研发经费");
    expect(translate("fixed-asset investment")).toHaveLength(1);
    // a glossary word the tokenizer splits stands for its terms
    expect(translate("fixed-asset investment")[0]).toEqual(
      expect.arrayContaining(["全社会固定资产投资", "固定", "资产", "投资"]),
    );
  });

  it("drops function words and question frames", () => {
    expect(translate("How many of them were there, and what is it?")).toEqual([]);
  });

  it("finds names the dictionary lacks: by sound, and in pinyin", () => {
    expect(translate("Jared")).toEqual([["贾", "里德"]]);
    expect(translate("Chunxi Road").flat()).toContain("春熙路");
    expect(translate("Sichuan and Chongqing").flat()).toContain("成渝");
  });

  it("looks for names by sound only for words that look like names", () => {
    // a lower-case word the dictionary lacks stays as it is: no invented name
    expect(translate("jared")).toEqual([["jared"]]);
    expect(translate("NFL")).toEqual([["nfl"]]);
  });

  it("reads letters beyond ASCII the same way in the corpus and in questions", () => {
    expect(lexicon.latin).toContain("boguslawski");
    expect(translate("Bogusławski").flat()).toContain("boguslawski");
    expect(translate("Boguslawski").flat()).toContain("boguslawski");
  });

  it("splits a compound the dictionary lacks into parts it has", () => {
    // paleo- + climatologists; a name + town, the corpus writing the name with its 镇
    expect(translate("paleoclimatologists")).toEqual([["古气候", "学家"]]);
    expect(translate("Manakintown").flat()).toContain("马纳金镇");
  });

  it("keeps a capitalised name apart from the common word it looks like", () => {
    // "The Times" is not "time": the newspaper's 泰晤士 is no sense of "times"
    expect(translate("How many times").flat()).not.toContain("泰晤士");
    expect(translate("Thames").flat()).toContain("泰晤士河");
  });

  it("knows the genre's terms and units", () => {
    expect(translate("government debt")).toEqual([["政府", "债务"]]);
    expect(translate("jin")).toEqual([["斤"]]);
    // jieba never cuts 亩 out of 每亩: the words that end in it stand for it
    expect(translate("mu")).toEqual([["每亩"]]);
  });

  it("weights a word's senses so that its main one leads", () => {
    const senses = lexicon.entries.investment ?? [];
    expect(senses[0]?.[1]).toBe(1);
    for (const [, p] of senses) expect(p).toBeLessThanOrEqual(1);
  });
});
