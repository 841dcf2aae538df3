import * as OpenCC from "opencc-js";
import type { QueryGroup } from "../index/bm25.js";
import { termGroups } from "../index/bm25.js";
import type { Lexicon } from "../index/lexicon.js";
import { detectLanguage, type Language } from "../text/language.js";
import { FIGURE, type Figure, figureTerm, findFigures } from "../text/numbers.js";
import type { Tokenizer } from "../text/tokenizer.js";
import { expandSynonyms } from "./synonyms.js";
import { translateEnglish } from "./translate.js";

export type AnalyzedQuery = {
  original: string;
  /** simplified-Chinese, NFKC-folded form of the question */
  text: string;
  language: Language;
  figures: Figure[];
  /** lexical query: Chinese words as they are, English words through the lexicon */
  groups: QueryGroup[];
  /** what the dense side embeds */
  denseText: string;
};

const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
const LATIN_RUN = /[A-Za-z][A-Za-z0-9'\- ]*[A-Za-z0-9]|[A-Za-z]/g;

export function analyzeQuery(
  question: string,
  tokenizer: Tokenizer,
  lexicon?: Lexicon,
): AnalyzedQuery {
  const text = toSimplified(question.normalize("NFKC")).trim();
  const language = detectLanguage(text);
  const figures = findFigures(text);
  // Figures in either notation become canonical terms ("1.3万" and "13,000" -> "13000");
  // Chinese goes through the tokenizer; Latin-script words through the lexicon.
  const stripped = text.replace(FIGURE, " ");
  const latin = stripped.match(LATIN_RUN)?.join(" ") ?? "";
  const rest = stripped.replace(LATIN_RUN, " ");
  const groups = [
    ...termGroups(figures.map(figureTerm)),
    ...expandSynonyms(termGroups(tokenizer.terms(rest)), tokenizer),
  ];
  const translated = latin ? translateEnglish(latin, lexicon) : undefined;
  if (translated) groups.push(...translated.groups);
  const denseText = [rest, figures.map((f) => f.raw).join(" "), translated?.pseudo ?? ""]
    .join(" ")
    .trim();
  return { original: question, text, language, figures, groups, denseText };
}
