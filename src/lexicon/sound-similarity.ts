/**
 * How well a Chinese transliteration renders an English name, on the sound codes of
 * phonetic.ts: a weighted edit distance in which the changes transliteration makes are cheap
 * (vowels, near consonant classes, a final r, s or t left unsaid, vowels added between
 * consonants). The costs are tables made once, so that comparing one name with the
 * thousands a corpus holds costs little.
 */

const isVowel = (c: string) => c >= "a" && c <= "z";

/** Consonant classes that transliteration lets stand for each other. */
const NEAR = new Set(["PF", "FW", "KJ", "JS", "ST", "KH", "LN", "MN", "JY", "TJ"]);

/**
 * The costs of the edit distance, on a scale where a plain change of one consonant into
 * another costs 1. Set by hand from how transliteration writes English sounds (not tuned on
 * an eval: the names-by-sound threshold that reads these scores is, see xquad-cv.ts).
 * Lower is a change transliteration makes more often.
 */
const SOUND_COSTS = {
  substitute: {
    /** one vowel for another: transliteration rarely keeps the English vowel */
    vowel: 0.25,
    /** i for Y, o for W: the same sound written as a vowel */
    glide: 0.2,
    /** any other vowel for a consonant, or the other way round */
    vowelConsonant: 1.2,
    /** two consonants of one NEAR class */
    near: 0.5,
    /** any two other consonants */
    consonant: 1,
  },
  /** leaving out an English sound */
  drop: {
    vowel: 0.3,
    /** H, often unsaid */
    h: 0.4,
    /** L at the end or before a consonant (Wil-, Hal-) */
    l: 0.4,
    /** a final S or T */
    finalST: 0.5,
    other: 1,
  },
  /** a sound the Chinese adds */
  add: {
    /** a vowel that breaks up a consonant cluster */
    vowel: 0.2,
    l: 0.6,
    other: 0.9,
  },
  /** how much a sound counts towards a code's size, which scales the distance */
  size: { vowel: 0.3, h: 0.5, other: 1 },
} as const;

function substitution(a: string, b: string): number {
  const S = SOUND_COSTS.substitute;
  if (a === b) return 0;
  const va = isVowel(a);
  const vb = isVowel(b);
  if (va && vb) return S.vowel;
  if (va !== vb) {
    const [v, c] = va ? [a, b] : [b, a];
    return (v === "i" && c === "Y") || (v === "o" && c === "W") ? S.glide : S.vowelConsonant;
  }
  return NEAR.has(a + b) || NEAR.has(b + a) ? S.near : S.consonant;
}

/** What leaving out an English sound costs: vowels and a final r, s or t often go unsaid. */
function deletion(code: string, i: number): number {
  const D = SOUND_COSTS.drop;
  const c = code[i] as string;
  if (isVowel(c)) return D.vowel;
  if (c === "H") return D.h;
  if (c === "L" && (i === code.length - 1 || !isVowel(code[i + 1] ?? ""))) return D.l;
  if (i === code.length - 1 && (c === "S" || c === "T")) return D.finalST;
  return D.other;
}

/** What a sound the Chinese adds costs: vowels that break up consonant clusters are cheap. */
function insertion(c: string): number {
  const A = SOUND_COSTS.add;
  if (isVowel(c)) return A.vowel;
  if (c === "L") return A.l;
  return A.other;
}

const weight = (code: string) => {
  const W = SOUND_COSTS.size;
  return [...code].reduce((s, c) => s + (isVowel(c) ? W.vowel : c === "H" ? W.h : W.other), 0);
};

let substitutions: Float32Array | undefined;

/** Substitution costs by character code (codes are ASCII letters), made on first use. */
function substitutionTable(): Float32Array {
  if (substitutions) return substitutions;
  const table = new Float32Array(128 * 128);
  for (let a = 65; a < 123; a++) {
    for (let b = 65; b < 123; b++) {
      table[a * 128 + b] = substitution(String.fromCharCode(a), String.fromCharCode(b));
    }
  }
  substitutions = table;
  return table;
}

/** A code made ready for comparison. */
export type PreparedCode = {
  code: string;
  chars: Uint8Array;
  /** cost of leaving out each sound (as the English side) */
  del: Float32Array;
  /** cost of adding each sound (as the Chinese side) */
  ins: Float32Array;
  weight: number;
};

export function prepareCode(code: string): PreparedCode {
  const chars = Uint8Array.from(code, (c) => c.charCodeAt(0) & 127);
  const del = Float32Array.from(code, (_, i) => deletion(code, i));
  const ins = Float32Array.from(code, (c) => insertion(c));
  return { code, chars, del, ins, weight: weight(code) };
}

let prev = new Float32Array(64);
let cur = new Float32Array(64);

/**
 * 1 for a perfect rendering of the English code by the Chinese one, 0 or less for none: the
 * weighted edit distance scaled by the size of the larger. With `floor`, the comparison
 * stops (and returns -1) as soon as it cannot reach it; `cells` hears the work done.
 */
export function preparedSimilarity(
  english: PreparedCode,
  chinese: PreparedCode,
  floor = -Infinity,
  cells?: (n: number) => void,
): number {
  const n = english.chars.length;
  const m = chinese.chars.length;
  if (!n || !m) return 0;
  const sub = substitutionTable();
  const scale = Math.max(english.weight, chinese.weight, 1);
  const maxCost = (1 - floor) * scale;
  if (m + 1 > prev.length) {
    prev = new Float32Array(2 * (m + 1));
    cur = new Float32Array(2 * (m + 1));
  }
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = (prev[j - 1] as number) + (chinese.ins[j - 1] as number);
  let rows = 0;
  for (let i = 1; i <= n; i++) {
    rows++;
    const d = english.del[i - 1] as number;
    const row = (english.chars[i - 1] as number) * 128;
    cur[0] = (prev[0] as number) + d;
    let rowMin = cur[0] as number;
    for (let j = 1; j <= m; j++) {
      const v = Math.min(
        (prev[j] as number) + d,
        (cur[j - 1] as number) + (chinese.ins[j - 1] as number),
        (prev[j - 1] as number) + (sub[row + (chinese.chars[j - 1] as number)] as number),
      );
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // costs only grow from row to row: past the floor, no alignment can come back
    if (rowMin > maxCost) {
      cells?.(rows * m);
      return -1;
    }
    [prev, cur] = [cur, prev];
  }
  cells?.(rows * m);
  return 1 - (prev[m] as number) / scale;
}

/** The same on plain codes. */
export const phoneticSimilarity = (english: string, chinese: string, floor = -Infinity): number =>
  preparedSimilarity(prepareCode(english), prepareCode(chinese), floor);
