/** Streamed model text cut into the units it is checked in. */
import { describe, expect, it } from "vitest";
import { createSentenceSplitter, type RawUnit } from "../../src/answer/verified/sentence-units.js";

/** Feed `text` in pieces of `size` characters; every unit, and after which piece it came out. */
function split(text: string, size = 1) {
  const s = createSentenceSplitter();
  const chars = [...text];
  const out: { unit: RawUnit; after: number }[] = [];
  for (let i = 0; i < chars.length; i += size) {
    for (const unit of s.push(chars.slice(i, i + size).join("")))
      out.push({ unit, after: i + size });
  }
  for (const unit of s.end()) out.push({ unit, after: Number.POSITIVE_INFINITY });
  return out;
}
const texts = (text: string, size = 1) => split(text, size).map((u) => u.unit.text);

describe("sentences", () => {
  it("end at 。！？, with the markers and quotes that follow them", () => {
    expect(texts("增长16% [1]。企业突破1.3万家。[2]他说：“好！”[3]结尾")).toEqual([
      "增长16% [1]。",
      "企业突破1.3万家。[2]",
      "他说：“好！”[3]",
      "结尾",
    ]);
  });

  it("end at . ! ? before a space or the end, never inside 1.3 or after an initial", () => {
    expect(
      texts("Spending grew 1.3% [1]. The U.S. figure is not given. Why? It is not [2]."),
    ).toEqual([
      "Spending grew 1.3% [1].",
      " The U.S. figure is not given.",
      " Why?",
      " It is not [2].",
    ]);
    expect(texts("Up 16%. [1] Next.")).toEqual(["Up 16%. [1]", " Next."]);
  });

  it("end at a line break; the break leads into the next one", () => {
    expect(texts("## 答案\n- 增长16% [1]\n- 突破1.3万家 [2]")).toEqual([
      "## 答案",
      "\n- 增长16% [1]",
      "\n- 突破1.3万家 [2]",
    ]);
  });

  it("are released once what follows shows they have ended, not before", () => {
    const units = split("增长16% [1]。下一句。");
    // "。" alone could still be followed by a marker: the first unit waits for "下"
    expect(units[0]).toEqual({ unit: { text: "增长16% [1]。", code: false }, after: 11 });
    // "1." could be "1.3", and "1. " could be followed by "[2]": wait for the "T"
    expect(split("Up 1. Then 2.")[0]).toEqual({ unit: { text: "Up 1.", code: false }, after: 7 });
  });

  it("come out the same whatever the pieces the text streams in", () => {
    const text = "2023年，增长16%。[1] 其次，突破1.3万家 [2]！\n```js\nalert(1)。\n```\n最后 [3].";
    const whole = texts(text, text.length);
    for (const size of [1, 2, 3, 5, 8]) expect(texts(text, size)).toEqual(whole);
  });
});

describe("code blocks", () => {
  it("are one unit each, held until the fence closes", () => {
    const units = split("前言 [1]。\n```html\n<script>a。b</script>\n```\n后记 [2]。", 4);
    expect(units.map((u) => u.unit)).toEqual([
      { text: "前言 [1]。", code: false },
      { text: "\n```html\n<script>a。b</script>\n```", code: true },
      { text: "\n后记 [2]。", code: false },
    ]);
  });

  it("left open: the rest of the answer is code", () => {
    expect(split("答 [1]。\n~~~\n还有。").map((u) => u.unit)).toEqual([
      { text: "答 [1]。", code: false },
      { text: "\n~~~\n还有。", code: true },
    ]);
  });
});
