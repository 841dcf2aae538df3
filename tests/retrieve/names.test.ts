import { describe, expect, it } from "vitest";
import { englishCode, pinyinCode, pinyinSyllables } from "../../src/lexicon/phonetic.js";
import { phoneticSimilarity } from "../../src/lexicon/sound-similarity.js";

const sound = (english: string, pinyin: string) =>
  phoneticSimilarity(englishCode(english), pinyin.split(" ").map(pinyinCode).join(""));

describe("names by sound", () => {
  it.each([
    ["Kearney", "ke er ni"],
    ["Jared", "jia li de"],
    ["Allen", "ai lun"],
    ["Lindisfarne", "lin di si fa en"],
    ["Matlin", "mai te lin"],
    ["Gaga", "ka ka"],
  ])("%s sounds like %s", (english, pinyin) => {
    expect(sound(english, pinyin)).toBeGreaterThan(0.8);
  });

  it("tells a transliteration from another name", () => {
    expect(sound("Kearney", "ke er ni")).toBeGreaterThan(sound("Kearney", "ma na jin") + 0.3);
    expect(sound("Jared", "jia li de")).toBeGreaterThan(sound("Jared", "lin di si fa en") + 0.3);
  });

  it("reads Chinese names written in pinyin", () => {
    expect(pinyinSyllables("Chunxi")).toEqual(["chun", "xi"]);
    expect(pinyinSyllables("Longquanyi")).toEqual(["long", "quan", "yi"]);
    expect(pinyinSyllables("Kuechly")).toBeUndefined();
  });
});
