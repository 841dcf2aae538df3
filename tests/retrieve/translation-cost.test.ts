import { beforeAll, describe, expect, inject, it } from "vitest";
import { longQuestions } from "../../src/bench/long-questions.js";
import { makeEmbeddings } from "../../src/embed/make-embeddings.js";
import { type LoadedIndex, loadIndex } from "../../src/index/load-index.js";
import {
  createTranslator,
  DEFAULT_TRANSLATE_OPTIONS,
  TRANSLATION_LIMITS,
  type Translation,
} from "../../src/lexicon/translate/translate.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

// the real report's index and lexicon, built by the global setup
let index: LoadedIndex;
let translate: (english: string) => Translation;

beforeAll(async () => {
  const { embeddings } = makeEmbeddings({ kind: "local" }, createTokenizer());
  index = await loadIndex(inject("indexDir"), embeddings);
  if (!index.lexicon) throw new Error("the index has no lexicon");
  translate = createTranslator(index.lexicon, { postings: (t) => index.bm25.postingsOf(t) });
});

describe("the work one question costs in translation", () => {
  it("is bounded for 2,000 characters of words: no more than a question with four unknown names", () => {
    // a normal question that sends four names the dictionary lacks to the searching steps
    const normal = translate("Did Kearney, Matlin, Jared and Kuechly visit Chengdu last year?");
    const plain = translate("How many tourists visited Chengdu in 2023?");
    const long = longQuestions(Object.keys(index.lexicon?.entries ?? {}));
    expect(Object.values(long).map((q) => q.length >= 1900 && q.length <= 2000)).toEqual([
      true,
      true,
      true,
    ]);
    for (const q of Object.values(long)) {
      const t = translate(q);
      expect(t.groups.length).toBeLessThanOrEqual(TRANSLATION_LIMITS.words);
      expect(t.work).toBeLessThanOrEqual(DEFAULT_TRANSLATE_OPTIONS.budget.units);
      expect(t.work).toBeLessThanOrEqual(normal.work);
    }
    // and a question without unknown names costs next to nothing
    expect(plain.work).toBeLessThan(normal.work / 10);
  });

  it("gives the same translation within the budget as without one", () => {
    const q = "Did Kearney, Matlin, Jared and Kuechly visit Chengdu last year?";
    const unbounded = createTranslator(
      index.lexicon as NonNullable<LoadedIndex["lexicon"]>,
      { postings: (t) => index.bm25.postingsOf(t) },
      { budget: { units: Number.POSITIVE_INFINITY, searchedWords: 100 } },
    );
    expect(translate(q).groups).toEqual(unbounded(q).groups);
  });
});
