import { stemmer } from "stemmer";

/**
 * The one English normalisation path, for the index's Latin terms, the lexicon's keys (made
 * from dictionary glosses) and questions alike: letters beyond ASCII folded ("Bogusławski"
 * -> "Boguslawski"), `normWord` undoes plurals the same way everywhere, `stemWord` is the
 * Porter stem for matching derived forms ("constructions", "constructive" -> "construct").
 */

/** Letters that Unicode decomposition leaves whole. */
const LETTERS: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  æ: "ae",
  Æ: "Ae",
  œ: "oe",
  Œ: "Oe",
  ß: "ss",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "Th",
  ı: "i",
};
const NOT_ASCII = /[^ -~\t\n\r]/;

/** Latin letters beyond ASCII -> ASCII ("Zürich" -> "Zurich", "Łódź" -> "Lodz"); other text as it is. */
export function foldLatin(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  return text
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .replace(/[łŁøØæÆœŒßđĐðÐþÞı]/g, (c) => LETTERS[c] ?? c)
    .normalize("NFC");
}

/** A run of Latin-script words and the characters between them ("R&D", "Jean-Luc", "Łódź"). */
export const LATIN_RUN =
  /\p{Script=Latin}[\p{Script=Latin}\p{M}0-9'’\- ]*[\p{Script=Latin}\p{M}0-9]|\p{Script=Latin}/gu;

/** The Porter stem of a word, lower case. */
export const stemWord = (word: string): string => stemmer(word.toLowerCase());

/** Plurals that are not: "news" is not the plural of "new". */
const NOT_PLURAL = new Set(
  "news series species means physics mathematics economics politics statistics ethics gas bus lens this yes always perhaps whereas".split(
    " ",
  ),
);

/**
 * A word's dictionary key: lower case, plural -s undone (Harman's S-stemmer, deterministic so
 * that glosses and questions agree: "assets" -> "asset", "cities" -> "city").
 */
export function normWord(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || NOT_PLURAL.has(w)) return w;
  if (w.endsWith("ies") && !/[ae]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (w.endsWith("es") && !/[aeo]es$/.test(w)) return w.slice(0, -1);
  if (w.endsWith("s") && !/(us|ss|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** English words of a text as written (letters folded to ASCII), possessives and hyphens split off. */
export function englishTokens(text: string): string[] {
  return (
    foldLatin(text)
      .replace(/[’`]/g, "'")
      .match(/[A-Za-z][A-Za-z0-9]*(?:'[A-Za-z]+)?/g)
      ?.map((w) => w.replace(/'[sS]$|'$/, "")) ?? []
  );
}

/** English words of a text, lower case. */
export function englishWords(text: string): string[] {
  return englishTokens(text).map((w) => w.toLowerCase());
}

/**
 * A word's key as written: a capitalised word is a name and keeps its -s ("The Times" is
 * not "time", "the Rams" not "ram"); any other word is normWord's.
 */
export const keyWord = (token: string): string =>
  /^[A-Z]/.test(token) ? token.toLowerCase() : normWord(token);

/** A word sequence's key: each word normalised (keyWord), joined by spaces. */
export function phraseKey(tokens: string[]): string {
  return tokens.map(keyWord).join(" ");
}

/** The keys a word sequence may be found under, as written first: its keyWord form, then its plain normWord form. */
export function phraseKeys(tokens: string[]): string[] {
  const written = phraseKey(tokens);
  const plain = tokens.map(normWord).join(" ");
  return written === plain ? [written] : [written, plain];
}

/**
 * Function words and the framing words of questions. They are skipped as single words
 * but still take part in phrases ("Victoria and Albert Museum", "state of the art").
 */
export const STOP_WORDS = new Set(
  (
    "a an the of in on at to for by with from as into onto about over under than then " +
    "and or but nor not no so if because while during after before since until between " +
    "is are was were be been being am do does did done doing have has had having " +
    "will would shall should can could may might must ought " +
    "what which who whom whose when where why how whatever whichever " +
    "this that these those there here it its it's they them their theirs he him his she her " +
    "hers we us our ours you your yours i me my mine one's " +
    "such same other another any some each every all both either neither " +
    "very also just only even still yet too much many more most less least " +
    "s t th st nd rd etc e g eg ie " +
    // how questions are framed, not what they ask about
    "now currently presently today want wants wanted need needs needed intend intends intended " +
    "aim aims aimed plan plans planned expect expects expected roughly approximately nearly " +
    "get gets got tell please know " +
    "report reports reported say says said mention mentions mentioned describe describes " +
    "described talk talks regarding concerning"
  ).split(/\s+/),
);
