/**
 * A coarse shared sound alphabet for matching English names with their Chinese
 * transliterations (Kearney / 科尔尼 ke er ni, Jared / 贾里德 jia li de). Consonants fall into
 * classes that transliteration maps onto each other (P: b p; T: d t; K: g k c; J: j q zh ch
 * and soft g; S: s z c x sh; F: f ph; W: w v; L: l r; M; N; H; Y); vowels into a e i o.
 * Codes are strings, one character a sound: consonant classes upper case, vowels lower case.
 */

const INITIALS: [string, string][] = [
  ["zh", "J"],
  ["ch", "J"],
  ["sh", "S"],
  ["b", "P"],
  ["p", "P"],
  ["m", "M"],
  ["f", "F"],
  ["d", "T"],
  ["t", "T"],
  ["n", "N"],
  ["l", "L"],
  ["g", "K"],
  ["k", "K"],
  ["h", "H"],
  ["j", "J"],
  ["q", "J"],
  ["x", "S"],
  ["r", "L"],
  ["z", "S"],
  ["c", "S"],
  ["s", "S"],
  ["y", "Y"],
  ["w", "W"],
];

/** Finals in the order they must be tried (longest first). */
const FINALS: [string, string][] = [
  ["iang", "iaN"],
  ["iong", "ioN"],
  ["uang", "oaN"],
  ["ang", "aN"],
  ["eng", "eN"],
  ["ing", "iN"],
  ["ong", "oN"],
  ["iao", "iao"],
  ["ian", "iaN"],
  ["uai", "oai"],
  ["uan", "oaN"],
  ["van", "iaN"],
  ["ai", "ai"],
  ["ei", "ei"],
  ["ao", "ao"],
  ["ou", "o"],
  ["an", "aN"],
  ["en", "eN"],
  ["in", "iN"],
  ["un", "oN"],
  ["vn", "iN"],
  ["er", "eL"],
  ["ia", "ia"],
  ["ie", "ie"],
  ["iu", "io"],
  ["ua", "oa"],
  ["uo", "o"],
  ["ui", "ei"],
  ["ve", "ie"],
  ["ue", "ie"],
  ["a", "a"],
  ["o", "o"],
  ["e", "e"],
  ["i", "i"],
  ["u", "o"],
  ["v", "i"],
];

/** One toneless pinyin syllable ("jia", "lv", "er") -> its sound code. */
export function pinyinCode(syllable: string): string {
  const s = syllable.toLowerCase().replace(/u:/g, "v").replace(/ü/g, "v").replace(/\d/g, "");
  let initial = "";
  let rest = s;
  for (const [p, c] of INITIALS) {
    if (s.startsWith(p)) {
      initial = c;
      rest = s.slice(p.length);
      break;
    }
  }
  // the "i" of zi ci si zhi chi shi ri is barely a vowel
  if (rest === "i" && /^(z|c|s|zh|ch|sh|r)i$/.test(s)) return initial;
  // after j q x y, u is ü
  if (/^[jqxy]/.test(s) && rest.startsWith("u")) rest = `v${rest.slice(1)}`;
  for (const [f, c] of FINALS) if (rest === f) return initial + c;
  return initial + rest.replace(/[^aeiou]/g, "");
}

/** English spelling -> sound code, by the rules transliteration mostly follows. */
export function englishCode(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  let out = "";
  const at = (i: number) => w[i] ?? "";
  const front = (i: number) => /[eiy]/.test(at(i));
  for (let i = 0; i < w.length; ) {
    const two = w.slice(i, i + 2);
    const three = w.slice(i, i + 3);
    let code: string;
    let step = 1;
    if (three === "sch" || three === "tch") [code, step] = [three === "sch" ? "S" : "J", 3];
    else if (two === "ch") [code, step] = ["J", 2];
    else if (two === "sh") [code, step] = ["S", 2];
    else if (two === "th") [code, step] = ["T", 2];
    else if (two === "ph") [code, step] = ["F", 2];
    else if (two === "gh") [code, step] = ["", 2];
    else if (two === "ck") [code, step] = ["K", 2];
    else if (two === "qu") [code, step] = ["KW", 2];
    else if (two === "wh") [code, step] = ["W", 2];
    else if (two === "ng") [code, step] = ["N", 2];
    else if (i === 0 && (two === "kn" || two === "wr" || two === "ps")) {
      [code, step] = [two === "kn" ? "N" : two === "wr" ? "L" : "S", 2];
    } else {
      const c = at(i);
      if (c === "c") code = front(i + 1) ? "S" : "K";
      else if (c === "g") code = front(i + 1) ? "J" : "K";
      else if (c === "x") code = i === 0 ? "S" : "KS";
      else if (c === "y") code = i === 0 && /[aeiou]/.test(at(i + 1)) ? "Y" : "i";
      else if (c === "u") code = "o";
      else if (c === "e" && i === w.length - 1 && i > 2 && !/[aeiou]/.test(at(i - 1))) code = "";
      else code = LETTER[c] ?? "";
    }
    // a doubled letter sounds once
    if (!(code && out.endsWith(code) && code === code.toUpperCase() && w[i] === w[i - 1])) {
      out += code;
    }
    i += step;
  }
  return out;
}

const LETTER: Record<string, string> = {
  a: "a",
  e: "e",
  i: "i",
  o: "o",
  b: "P",
  p: "P",
  d: "T",
  t: "T",
  k: "K",
  q: "K",
  j: "J",
  s: "S",
  z: "S",
  f: "F",
  v: "W",
  w: "W",
  l: "L",
  r: "L",
  m: "M",
  n: "N",
  h: "H",
};

const PINYIN_INITIALS = "b p m f d t n l g k h j q x zh ch sh r z c s y w".split(" ");
const PINYIN_FINALS =
  "a o e i u v ai ei ao ou an en ang eng ong er ia ie iao iu ian in iang ing iong ua uo uai ui uan un uang ue".split(
    " ",
  );
const SYLLABLES = new Set([
  ...PINYIN_FINALS.filter((f) => /^[aoe]/.test(f)),
  ...PINYIN_INITIALS.flatMap((i) => PINYIN_FINALS.map((f) => i + f)),
]);

/** Letters of the longest toneless pinyin syllable (zhuang, chuang, shuang). */
const LONGEST_SYLLABLE = 6;

/**
 * A word written in pinyin ("Chunxi", "Longquanyi") -> its syllables, fewest first;
 * undefined when it cannot be read as pinyin.
 */
export function pinyinSyllables(word: string): string[] | undefined {
  const w = word.toLowerCase();
  const best: (string[] | undefined)[] = [[]];
  for (let i = 1; i <= w.length; i++) {
    for (let n = Math.min(LONGEST_SYLLABLE, i); n >= 1; n--) {
      const before = best[i - n];
      const syllable = w.slice(i - n, i);
      if (
        before &&
        SYLLABLES.has(syllable) &&
        (!best[i] || before.length + 1 < (best[i]?.length ?? 0))
      ) {
        best[i] = [...before, syllable];
      }
    }
  }
  return best[w.length];
}

/** Sound codes of an English word: as English, and as pinyin when it can be read so. */
export function wordCodes(word: string): string[] {
  const syllables = pinyinSyllables(word);
  const codes = [englishCode(word)];
  if (syllables && syllables.length >= 2) codes.push(syllables.map(pinyinCode).join(""));
  return codes;
}
