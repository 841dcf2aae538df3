/**
 * English number words and ordinals as the figure terms the tokenizer makes of digits:
 * "nine", "ninth" -> "9" (the report writes 第9位; "9th" is a figure already).
 */
const UNITS =
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(
    " ",
  );
const TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split(" ");
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fifth: 5,
  eighth: 8,
  ninth: 9,
  twelfth: 12,
};

function cardinal(word: string): number | undefined {
  const u = UNITS.indexOf(word);
  if (u >= 0) return u;
  const t = TENS.indexOf(word);
  if (t >= 2) return t * 10;
  if (word === "hundred") return 100;
  return undefined;
}

function ordinal(word: string): number | undefined {
  if (Object.hasOwn(ORDINALS, word)) return ORDINALS[word];
  if (word.endsWith("ieth")) return cardinal(`${word.slice(0, -4)}y`);
  if (word.endsWith("th")) return cardinal(word.slice(0, -2));
  return undefined;
}

/** The figure term of an English number word or ordinal, undefined for other words. */
export function numberWord(word: string): string | undefined {
  const w = word.toLowerCase();
  const n = cardinal(w) ?? ordinal(w);
  return n === undefined || (n < 2 && w !== "first") ? undefined : String(n);
}

const ROMAN = /^(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUE: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** A Roman numeral as written, in capitals, up to 89 ("XLIX" -> "49", "II" -> "2"). */
export function romanNumeral(token: string): string | undefined {
  if (token.length < 2 || !ROMAN.test(token)) return undefined;
  let n = 0;
  for (let i = 0; i < token.length; i++) {
    const v = ROMAN_VALUE[token[i] as string] as number;
    const next = ROMAN_VALUE[token[i + 1] as string] ?? 0;
    n += v < next ? -v : v;
  }
  return String(n);
}
