import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/ingest-file.js";
import { DEFAULT_SPLIT, splitSpans, toPassages } from "../../src/ingest/passages.js";
import type { Paragraph } from "../../src/ingest/types.js";

const MAX = DEFAULT_SPLIT.maxChars;

/** Spans are in order, touch each other, cover the text and respect the bound. */
function expectTiling(text: string, spans: [number, number][], max: number) {
  let at = 0;
  for (const [s, e] of spans) {
    expect(s).toBe(at);
    expect(e - s).toBeGreaterThan(0);
    expect(e - s).toBeLessThanOrEqual(max);
    at = e;
  }
  expect(at).toBe(text.length);
}

const paragraph = (text: string): Paragraph => ({
  text,
  section: [],
  part: "body",
  start: 0,
  end: text.length,
});

describe("passages are bounded", () => {
  it("cuts a 300,000-character line without punctuation at maxChars, offsets exact", () => {
    const text = "发展新质生产力推动高质量发展".repeat(300_000 / 14).padEnd(300_000, "好");
    const spans = splitSpans(text);
    expectTiling(text, spans, MAX);
    expect(spans).toHaveLength(Math.ceil(300_000 / MAX));

    const { docs, passages } = ingestFile({ name: "long.txt", format: "txt", raw: text, meta: {} });
    expect(passages.length).toBeGreaterThanOrEqual(Math.ceil(300_000 / MAX));
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(MAX);
      expect(docs[0]?.text.slice(p.start, p.end)).toBe(p.text);
    }
  });

  it("cuts a long clause at a space when there is one, never inside a surrogate pair", () => {
    const words = "word ".repeat(200); // 1,000 characters, spaces only
    for (const [s, e] of splitSpans(words)) {
      expect(words.slice(s, e)).toMatch(/^(word )+$/);
      expect(e - s).toBeLessThanOrEqual(MAX);
    }
    const rare = "𠀀".repeat(400); // CJK Extension B: two UTF-16 units each
    for (const [s, e] of splitSpans(rare)) expect(rare.slice(s, e)).toMatch(/^(𠀀)+$/u);
  });

  it("holds for any text: spans tile it within the bound, passages slice it", () => {
    const unit = fc.constantFrom(
      "发",
      "展",
      "a",
      "7",
      " ",
      "，",
      "、",
      "。",
      "；",
      "！",
      "”",
      "\u3000",
      "𠀀",
      "ab ",
    );
    const text = fc.array(unit, { maxLength: 2000 }).map((u) => u.join(""));
    const opts = fc
      .record({
        targetChars: fc.integer({ min: 2, max: 200 }),
        extra: fc.integer({ min: 0, max: 200 }),
      })
      .map(({ targetChars, extra }) => ({ targetChars, maxChars: targetChars + extra }));
    fc.assert(
      fc.property(text, opts, (t, o) => {
        const spans = splitSpans(t, o);
        expectTiling(t, spans, o.maxChars);
        for (const [s, e] of spans) {
          // no cut separates the halves of a surrogate pair
          expect(t.slice(s, e)).toBe([...t.slice(s, e)].join(""));
          expect(/^[\udc00-\udfff]/.test(t.slice(s, e))).toBe(false);
        }
        for (const p of toPassages("d", [paragraph(t)], () => false, o)) {
          expect(p.text.length).toBeLessThanOrEqual(o.maxChars);
          expect(t.slice(p.start, p.end)).toBe(p.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
