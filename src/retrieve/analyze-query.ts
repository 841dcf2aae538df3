import type { QueryGroup } from "../index/bm25.js";
import { termGroups } from "../index/bm25.js";
import { type Translation, translateEnglish } from "../lexicon/translate/translate.js";
import { normalizeQuestion } from "../question/normalize.js";
import { LATIN_RUN } from "../text/english.js";
import { detectLanguage, type Language } from "../text/language.js";
import { FIGURE, type Figure, figureTerm, findFigures } from "../text/numbers.js";
import type { Tokenizer } from "../text/tokenizer.js";
import { expandSynonyms } from "./synonyms.js";
import type { Vocabulary } from "./zh-variants.js";

export type AnalyzedQuery = {
  original: string;
  /** simplified-Chinese, NFKC-folded form of the question */
  text: string;
  language: Language;
  figures: Figure[];
  /** lexical query: Chinese terms as they are, English words through the lexicon */
  groups: QueryGroup[];
  /**
   * the question's concepts, for weighing evidence: one group per Chinese word (with its
   * parts, and for a word the corpus lacks its typo and abbreviation variants), figures,
   * the English words' translations. A compound counts once, not once per part.
   */
  concepts: QueryGroup[];
  /** what the dense side embeds */
  denseText: string;
};

/** How a Chinese word's parts and variants count beside the word itself. */
export const ZH_GROUP_WEIGHTS = {
  /** a search-mode part of a word (高新 of 高新技术) */
  part: 0.5,
  /** a corpus word read the same way as an unknown word (研发 for 研法) */
  homophone: 0.9,
  /** a corpus word an unknown word abbreviates (保障性住房 for 保障房) */
  expansion: 0.8,
};

/**
 * One group per Chinese word of the question: the word, its parts, and, for a word the
 * corpus does not have, the corpus words it may be a typo or an abbreviation of. A word
 * and its parts are one concept, so they count once.
 */
function chineseGroups(text: string, tokenizer: Tokenizer, vocab?: Vocabulary): QueryGroup[] {
  const W = ZH_GROUP_WEIGHTS;
  const words = joinAbbreviations(
    tokenizer.words(text).filter(([w]) => w && !FRAMING_ZH.has(w)),
    vocab,
  );
  const groups = new Map<string, QueryGroup>();
  for (const [word, ...parts] of words) {
    if (!word) continue;
    const seen = groups.get(word);
    if (seen) {
      seen.weight += 1;
      continue;
    }
    const alts = new Map<string, number>([[word, 1]]);
    const put = (t: string, p: number) => alts.set(t, Math.max(alts.get(t) ?? 0, p));
    for (const p of parts) put(p, W.part);
    const senses: string[][] = [];
    if (vocab && !vocab.has(word)) {
      for (const h of vocab.homophones(word)) put(h, W.homophone);
      for (const phrase of vocab.expansions(word)) {
        // the phrase's terms together stand for the word: each alone only its share
        const terms = [...new Set(tokenizer.terms(phrase))];
        for (const t of terms) put(t, W.expansion / terms.length);
        if (terms.length > 1) senses.push(terms);
        else if (terms[0]) put(terms[0], W.expansion);
      }
    }
    const group: QueryGroup = { weight: 1, alts: [...alts].map(([term, p]) => ({ term, p })) };
    // the word, or all of its parts (体育 and 产业 for 体育产业, cut apart by 、 in the text)
    if (parts.length || senses.length)
      group.senses = [[word], ...(parts.length ? [parts] : []), ...senses];
    groups.set(word, group);
  }
  return [...groups.values()];
}

/**
 * Words jieba cut apart that people write as one abbreviation ("保障" + "房" = 保障房 for
 * 保障性住房): two adjacent words, one of a single character, joined when the corpus lacks
 * the joined word but has a phrase it abbreviates.
 */
function joinAbbreviations(words: string[][], vocab?: Vocabulary): string[][] {
  if (!vocab) return words;
  const out: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i] as string[];
    const b = words[i + 1];
    const joined = b ? `${a[0]}${b[0]}` : "";
    if (
      b &&
      joined.length <= 4 &&
      ((a[0] as string).length === 1 || (b[0] as string).length === 1) &&
      !vocab.has(joined) &&
      vocab.expansions(joined).length
    ) {
      out.push([joined, ...a, ...b]);
      i++;
    } else out.push(a);
  }
  return out;
}

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
  vocab?: Vocabulary,
): AnalyzedQuery {
  const text = normalizeQuestion(question);
  const language = detectLanguage(text);
  const asked = text.replace(THE_REPORT, " ");
  const figures = findFigures(asked);
  // Figures in either notation become canonical terms ("1.3万" and "13,000" -> "13000");
  // Chinese goes through the tokenizer; Latin-script words through the lexicon.
  const stripped = asked.replace(FIGURE, " ");
  const latin = stripped.match(LATIN_RUN)?.join(" ") ?? "";
  const rest = stripped.replace(LATIN_RUN, " ");
  const figureGroups = termGroups(figures.map(figureTerm));
  const concepts = [
    ...figureGroups,
    ...expandSynonyms(chineseGroups(rest, tokenizer, vocab), tokenizer),
  ];
  // BM25 ranks best with every term its own group (a compound's rare parts keep their own
  // weight); a word the corpus lacks searches for its variants instead
  const terms = tokenizer.terms(rest).filter((t) => !FRAMING_ZH.has(t));
  const variants = concepts
    .filter((c) => c.senses && vocab && !vocab.has(c.alts[0]?.term ?? ""))
    .map((c) => ({ weight: 1, alts: c.alts.slice(1) }))
    .filter((g) => g.alts.length > 0);
  const groups = [
    ...figureGroups,
    ...expandSynonyms([...termGroups(terms), ...variants], tokenizer),
  ];
  const translated = latin ? translate(latin) : undefined;
  if (translated) {
    groups.push(...translated.groups);
    concepts.push(...translated.groups);
  }
  const denseText = [rest, figures.map((f) => f.raw).join(" "), translated?.pseudo ?? ""]
    .join(" ")
    .trim();
  return { original: question, text, language, figures, groups, concepts, denseText };
}
