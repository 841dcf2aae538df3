import * as OpenCC from "opencc-js";
import type { QueryGroup } from "../index/bm25.js";
import { termGroups } from "../index/bm25.js";
import { type Translation, translateEnglish } from "../lexicon/translate/translate.js";
import { LATIN_RUN } from "../text/english.js";
import { detectLanguage, type Language } from "../text/language.js";
import { FIGURE, type Figure, figureTerm, findFigures } from "../text/numbers.js";
import type { Tokenizer } from "../text/tokenizer.js";
import { expandSynonyms } from "./synonyms.js";

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

/** Naming the document itself: the question is about what it says, not about the report. */
const THE_REPORT =
  /(?:成都市?)?(?:20\d\d年)?(?:市)?政府工作报告|\b(?:the\s+|this\s+)?(?:chengdu(?:'s)?\s+)?(?:20\d\d\s+)?(?:government\s+)?work\s+report\b/gi;

/** How Chinese questions are framed, not what they ask about ("报告提到了哪些…"). */
const FRAMING_ZH = new Set(
  "报告 提到 提及 谈到 说到 讲到 指出 介绍 表示 怎么样 怎样 什么样 哪方面 哪些方面".split(" "),
);

export function analyzeQuery(
  question: string,
  tokenizer: Tokenizer,
  /** English -> Chinese (createTranslator); without one, English words match only as the corpus writes them */
  translate: (english: string) => Translation = (english) => translateEnglish(english, undefined),
): AnalyzedQuery {
  const text = toSimplified(question.normalize("NFKC")).trim();
  const language = detectLanguage(text);
  const asked = text.replace(THE_REPORT, " ");
  const figures = findFigures(asked);
  // Figures in either notation become canonical terms ("1.3万" and "13,000" -> "13000");
  // Chinese goes through the tokenizer; Latin-script words through the lexicon.
  const stripped = asked.replace(FIGURE, " ");
  const latin = stripped.match(LATIN_RUN)?.join(" ") ?? "";
  const rest = stripped.replace(LATIN_RUN, " ");
  const groups = [
    ...termGroups(figures.map(figureTerm)),
    ...expandSynonyms(
      termGroups(tokenizer.terms(rest).filter((t) => !FRAMING_ZH.has(t))),
      tokenizer,
    ),
  ];
  const translated = latin ? translate(latin) : undefined;
  if (translated) groups.push(...translated.groups);
  const denseText = [rest, figures.map((f) => f.raw).join(" "), translated?.pseudo ?? ""]
    .join(" ")
    .trim();
  return { original: question, text, language, figures, groups, denseText };
}
