import type { LoadedIndex } from "../index/load-index.js";
import type { LexiconOptions } from "../lexicon/build/build-lexicon.js";
import { corpusLexicon, type LexiconSource } from "../lexicon/build/corpus-lexicon.js";
import type { Lexicon } from "../lexicon/lexicon.js";
import { createSearcher, type Searcher, type SearchOptions } from "../retrieve/hybrid-search.js";
import { FOLDS } from "./xquad-folds.js";
import { type Metrics, rankMetrics } from "./xquad-metrics.js";

/** One candidate setting: lexicon (build-time) and search (query-time) options, against the defaults. */
export type Candidate = { name: string; lexicon?: Partial<LexiconOptions>; search?: SearchOptions };

/**
 * The settings cross-validation chooses among: the defaults and one change at a time of
 * each weight that steers translation. A weight earns its default only when the folds that
 * did not see it choose it.
 */
const CANDIDATES: Candidate[] = [
  { name: "defaults" },
  { name: "no sense agreement", search: { translate: { agreement: { floor: 1 } } } },
  {
    name: "weaker sense agreement (floor 0.5)",
    search: { translate: { agreement: { floor: 0.5 } } },
  },
  { name: "sense agreement alone (floor 0)", search: { translate: { agreement: { floor: 0 } } } },
  { name: "base forms count fully", search: { translate: { lemmaShare: 1 } } },
  {
    name: "names by sound from 0.75",
    search: { translate: { names: { threshold: 0.75, top: 3 } } },
  },
  {
    name: "names by sound from 0.85",
    search: { translate: { names: { threshold: 0.85, top: 3 } } },
  },
  { name: "phrase words as groups at 0.3", search: { translate: { phraseWords: 0.3 } } },
  {
    name: "phrase words inside the phrase at 0.3",
    search: { translate: { phraseWordShare: 0.3 } },
  },
  { name: "exact Latin term in its own group", search: { translate: { latinWeight: 1 } } },
  { name: "later definitions decay 0.15", lexicon: { rankDecay: 0.15 } },
  { name: "later definitions decay 1", lexicon: { rankDecay: 1 } },
  { name: "no definition-rank decay", lexicon: { rankDecay: 0 } },
  { name: "common Chinese words first (frequency^0.3)", lexicon: { frequencyPower: 0.3 } },
  {
    name: "words of many meanings behind (definitions^-0.5)",
    lexicon: { definitionsPower: 0.5 },
  },
  { name: "no dictionary words around a character", lexicon: { containWordShare: 0 } },
  {
    name: "around a character only words one longer",
    lexicon: { containSlack: 1, containMax: 3 },
  },
];

/** English questions over one index, each in a fold, with a way to rank its answer. */
export type QuestionSet = {
  name: string;
  index: LoadedIndex;
  source: LexiconSource;
  /** fold of each question, 0..FOLDS-1 */
  folds: number[];
  /** 1-based rank of question i's answer among the searcher's hits (0: not found) */
  rank: (search: Searcher, i: number) => Promise<number>;
};

export type CvResult = {
  name: string;
  /** per candidate: the rank of each question's answer */
  runs: { name: string; ranks: number[]; all: Metrics }[];
  /** per fold: the candidate the other folds chose, and this fold's figures with it */
  folds: { chosen: string; held: Metrics }[];
};

const inFolds = (ranks: number[], folds: number[], keep: (f: number) => boolean) =>
  rankMetrics(ranks.filter((_, i) => keep(folds[i] as number)));

/**
 * K-fold cross-validation of the translation weights: every candidate answers every
 * question once; for each fold, the candidate with the best MRR on the other folds is
 * chosen (the first on ties, the defaults being first) and this fold is reported with it.
 */
export async function crossValidate(set: QuestionSet): Promise<CvResult> {
  const runs: CvResult["runs"] = [];
  for (const c of CANDIDATES) {
    let lexicon: Lexicon | undefined = set.index.lexicon;
    if (c.lexicon) lexicon = (await corpusLexicon(set.source, { options: c.lexicon })).lexicon;
    const search = createSearcher({ ...set.index, lexicon }, c.search);
    const ranks: number[] = [];
    for (let i = 0; i < set.folds.length; i++) ranks.push(await set.rank(search, i));
    runs.push({ name: c.name, ranks, all: rankMetrics(ranks) });
  }
  const folds = Array.from({ length: FOLDS }, (_, f) => {
    let chosen = runs[0] as CvResult["runs"][number];
    let best = -1;
    for (const run of runs) {
      const mrr = inFolds(run.ranks, set.folds, (g) => g !== f).mrr;
      if (mrr > best + 1e-9) [chosen, best] = [run, mrr];
    }
    return { chosen: chosen.name, held: inFolds(chosen.ranks, set.folds, (g) => g === f) };
  });
  return { name: set.name, runs, folds };
}
