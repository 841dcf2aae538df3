import * as OpenCC from "opencc-js";

let converter: ((s: string) => string) | undefined;

/** The traditional-to-simplified converter, made on first use (it loads dictionaries). */
function toSimplified(s: string): string {
  if (!converter) converter = OpenCC.Converter({ from: "tw", to: "cn" });
  return (converter as (s: string) => string)(s);
}

const DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一千三百 -> 1300, 十二 -> 12 (below 万); undefined for what is not a numeral. */
function below10k(s: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in DIGIT) digit = DIGIT[c];
    else if (c in SMALL) {
      total += (digit ?? 1) * (SMALL[c] as number);
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

/**
 * Numbers people type in Chinese numerals where a figure is meant: "一万家" -> "1万家",
 * "两千亿元" -> "2000亿元", "三百人" -> "300人". Only a numeral with a magnitude (十百千万亿)
 * before a counting word or unit: "一家" stays "a company".
 */
export function arabicNumerals(text: string): string {
  return text.replace(
    /([零〇一二两三四五六七八九十百千]*[十百千][零〇一二两三四五六七八九]?|[一二两三四五六七八九])(万亿|万|亿)?(?=[个家人项所座条辆吨元亩户名位次天年倍%％]|万|亿|多|余|以上|左右)/g,
    (m, n: string, mag: string | undefined) => {
      if (!mag && !/[十百千]/.test(n)) return m;
      const v = below10k(n);
      return v === undefined ? m : `${v}${mag ?? ""}`;
    },
  );
}

const EN_NUMBER: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

/**
 * English number words where they are figures: "top five" -> "top 5", "more than half" ->
 * "more than 50%", "double" -> "100%"; "one" only in "top one" / "number one".
 */
export function englishNumbers(text: string): string {
  return text
    .replace(/\b(?:more than|over|by|at least|under|less than)\s+(?:a\s+)?half\b/gi, (m) =>
      m.replace(/(?:a\s+)?half/i, "50%"),
    )
    .replace(/\b(top|number|no\.)\s+one\b/gi, "$1 1")
    .replace(
      /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\b/gi,
      (w) => String(EN_NUMBER[w.toLowerCase()]),
    );
}

/** NFKC (full-width letters and digits folded), traditional to simplified, numerals to digits. */
export function normalizeQuestion(question: string): string {
  return englishNumbers(arabicNumerals(toSimplified(question.normalize("NFKC"))))
    .replace(/\s+/g, " ")
    .trim();
}
