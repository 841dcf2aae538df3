/** Questions built to be expensive: 2,000 characters of English, the most a client may send. */

/** A small deterministic generator (mulberry32), so that every run asks the same questions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Words up to `chars` characters in all, joined by spaces. */
function fill(chars: number, next: () => string): string {
  const out: string[] = [];
  let length = 0;
  for (;;) {
    const w = next();
    if (length + w.length + 1 > chars) break;
    out.push(w);
    length += w.length + 1;
  }
  return out.join(" ");
}

/**
 * The kinds of long question that cost the most: real words drawn from a vocabulary (phrases
 * and senses), capitalised made-up words (no sense: spelling neighbours, pinyin, names by
 * sound), and long made-up words (the longest edit-distance and sound comparisons).
 */
export function longQuestions(
  vocabulary: string[],
  chars = 2000,
  seed = 7,
): Record<string, string> {
  const r = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  const madeUp = (min: number, max: number) => {
    const n = min + Math.floor(r() * (max - min + 1));
    return Array.from({ length: n }, () => pick([...LETTERS])).join("");
  };
  const capital = (w: string) => (w ? (w[0] as string).toUpperCase() + w.slice(1) : w);
  const words = vocabulary.filter((w) => /^[a-z]+$/.test(w));
  return {
    "dictionary words": fill(chars, () => pick(words.length ? words : ["word"])),
    "capitalised made-up words": fill(chars, () => capital(madeUp(4, 9))),
    "long made-up words": fill(chars, () => capital(madeUp(14, 24))),
  };
}
