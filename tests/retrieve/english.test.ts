import { describe, expect, it } from "vitest";
import {
  englishTokens,
  foldLatin,
  keyWord,
  normWord,
  phraseKeys,
  stemWord,
} from "../../src/text/english.js";
import { lemmaCandidates } from "../../src/text/english-forms.js";
import { createTokenizer } from "../../src/text/tokenizer.js";

describe("one English normalisation for the index and for questions", () => {
  it("folds letters beyond ASCII, keeping a name whole", () => {
    expect(foldLatin("Bogusławski, Zürich, Łódź, Ørsted, straße")).toBe(
      "Boguslawski, Zurich, Lodz, Orsted, strasse",
    );
    expect(englishTokens("Wojciech Bogusławski's theatre")).toEqual([
      "Wojciech",
      "Boguslawski",
      "theatre",
    ]);
    expect(foldLatin("成都 2024")).toBe("成都 2024");
  });

  it("gives a Latin word of the corpus the key a question's word gets", () => {
    const tokenizer = createTokenizer();
    expect(tokenizer.terms("波古斯洛斯基剧院(Bogusławski Theatres)")).toEqual(
      expect.arrayContaining(["boguslawski", "theatre"]),
    );
    expect(["Boguslawski", "theatres"].map((w) => normWord(w))).toEqual(["boguslawski", "theatre"]);
  });

  it("keeps the -s of a capitalised name and tries the plain word after it", () => {
    expect(keyWord("Times")).toBe("times");
    expect(keyWord("times")).toBe("time");
    expect(phraseKeys(["The", "Times"])).toEqual(["the times", "the time"]);
    expect(phraseKeys(["fixed", "assets"])).toEqual(["fixed asset"]);
  });

  it("stems with the Porter stemmer package and proposes base forms", () => {
    expect(["constructions", "constructive", "construct"].map(stemWord)).toEqual([
      "construct",
      "construct",
      "construct",
    ]);
    expect(lemmaCandidates("largest")).toContain("large");
    expect(lemmaCandidates("biggest")).toContain("big");
    expect(lemmaCandidates("earliest")).toContain("early");
    expect(lemmaCandidates("fled")).toContain("flee");
    expect(lemmaCandidates("invested")).toContain("invest");
  });
});
