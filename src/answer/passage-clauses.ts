import type { Passage } from "../ingest/types.js";
import { type Direction, DOWN_ZH, directionOf, UP_ZH } from "../text/direction.js";
import { figureSubjects } from "../text/figure-subject.js";
import { type Figure, findFigures } from "../text/numbers.js";
import type { Tokenizer } from "../text/tokenizer.js";
import { clauses, type Span, sentences } from "./clauses.js";
import { perTokenizerCache } from "./per-tokenizer-cache.js";
import { termSet } from "./term-set.js";

/** A figure of a clause: an ordinal (after 第)?, the way it moved, and the terms of its own subject. */
export type ClauseFigure = Figure & {
  ordinal: boolean;
  direction?: Direction;
  /** counts what was added (新增84家, 新建、改扩建…160公里), not what there is in all */
  added: boolean;
  subject: Set<string>;
};

/** A clause with what answering asks of it, computed once. */
export type ClauseFacts = {
  span: Span;
  terms: Set<string>;
  /**
   * figures that are not dates ("2023年"), with whether each follows 第 (an ordinal) and
   * the way it moved when the words before it say ("下降3.5%": down)
   */
  figures: ClauseFigure[];
  /** any figure at all, dates included */
  anyFigure: boolean;
  /** names a rank: 第3位, 首位, 前列... */
  ranked: boolean;
};

export type SentenceFacts = {
  /** the sentence's terms plus its section's */
  terms: Set<string>;
  clauses: ClauseFacts[];
};

/** A passage cut into sentences and clauses, with their terms and figures. */
export type PassageFacts = { sentences: SentenceFacts[] };

const RANK_WORDS = /第\s*\d+\s*[位名]|首位|第一|前列|榜首|\d+强/;

/** Words of a count of things added: the figure is a flow, not a total. */
const ADDED = /新增|新引进|新建|新开工|新落户|新认定|新签约|新培育|新设/;

/** Do the words before a figure, back to the previous figure, say it counts what was added? */
function addedBefore(text: string, f: Figure, all: Figure[]): boolean {
  let from = 0;
  for (const g of all) if (g.index < f.index) from = Math.max(from, g.index + g.raw.length);
  return ADDED.test(text.slice(from, f.index));
}

/** "2023年" is a date, not a figure; "5年" is a figure. */
const isYear = (f: Figure, text: string) =>
  f.value >= 1900 && f.value <= 2100 && text[f.index + f.raw.length] === "年";

/** The direction the words just before a figure give it, back to the previous figure. */
function directionBefore(text: string, f: Figure, all: Figure[]): Direction | undefined {
  let from = Math.max(0, f.index - 8);
  for (const g of all) if (g.index < f.index) from = Math.max(from, g.index + g.raw.length);
  return directionOf(text.slice(from, f.index), UP_ZH, DOWN_ZH);
}

const cached = perTokenizerCache<PassageFacts>(20_000);

function analyze(tokenizer: Tokenizer, passage: Passage): PassageFacts {
  const sectionTerms = termSet(tokenizer, passage.section.slice(1).join(" "));
  return {
    sentences: sentences(passage.text).map((sentence) => ({
      terms: new Set([...termSet(tokenizer, sentence.text), ...sectionTerms]),
      clauses: clauses(sentence).map((span) => {
        const all = findFigures(span.text);
        const figures = all
          .filter((f) => !isYear(f, span.text))
          .map((f) => ({
            ...f,
            ordinal: span.text[f.index - 1] === "第",
            direction: directionBefore(span.text, f, all),
            added: addedBefore(span.text, f, all),
          }));
        const counted = figures.filter((f) => !f.ordinal);
        const subjects = figureSubjects(span.text, counted, tokenizer.isWord);
        return {
          span,
          terms: termSet(tokenizer, span.text),
          figures: figures.map((f) => {
            const k = counted.indexOf(f);
            const own = k >= 0 ? (subjects[k] ?? "") : span.text.slice(0, f.index);
            return { ...f, subject: termSet(tokenizer, own) };
          }),
          anyFigure: all.length > 0,
          ranked: RANK_WORDS.test(span.text),
        };
      }),
    })),
  };
}

/**
 * The facts of a passage, remembered per tokenizer: every question that retrieves the
 * passage looks at the same clauses, so they are cut and tokenized once.
 */
export function passageFacts(tokenizer: Tokenizer, passage: Passage): PassageFacts {
  return cached(tokenizer, passage.id, () => analyze(tokenizer, passage));
}
