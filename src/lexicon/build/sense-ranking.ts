/**
 * How likely each Chinese word of a corpus is to be what an English key means there, from
 * evidence that holds on text nobody tuned on: how the dictionary glosses it (the whole
 * gloss or one word of it, and CC-CEDICT's own order of definitions), how many other things
 * the word means, how common it is in Chinese at large and how common in the corpus.
 */

/** One Chinese word of the corpus that glosses a key. */
export type SenseEvidence = {
  /** its index terms, space-separated */
  form: string;
  /** gloss weight (see GLOSS_WEIGHTS) times the form's share (a surrounding term counts less) */
  weight: number;
  /** rank of the definition that gives the key (0: the first) */
  rank: number;
  /** the headword's number of definitions */
  definitions: number;
  /** jieba's frequency of the headword (0: jieba does not know it) */
  frequency: number;
  /** passages of the corpus that hold the form's rarest term */
  df: number;
};

export type SenseOptions = {
  /** a later definition counts 1 / (1 + rankDecay * rank): CC-CEDICT lists the main sense first */
  rankDecay: number;
  /** a word of n definitions counts n^-definitionsPower: a word that means many things means this one less often */
  definitionsPower: number;
  /** (frequency + frequencyFloor)^frequencyPower: a common Chinese word is the likelier translation */
  frequencyPower: number;
  frequencyFloor: number;
  /** (1 + df)^corpusPower: the sense the corpus uses often */
  corpusPower: number;
  /** senses kept per key */
  maxSenses: number;
  /** senses under this share of the best one are dropped */
  minShare: number;
};

/** Chosen by cross-validation on XQuAD folds (npm run bench:xquad). */
export const DEFAULT_SENSE_OPTIONS: SenseOptions = {
  rankDecay: 0.5,
  definitionsPower: 0,
  frequencyPower: 0,
  frequencyFloor: 10,
  corpusPower: 0,
  maxSenses: 12,
  minShare: 0.05,
};

const round = (x: number) => Number(x.toPrecision(3));

function senseScore(e: SenseEvidence, o: SenseOptions): number {
  return (
    (e.weight / (1 + o.rankDecay * e.rank)) *
    Math.max(1, e.definitions) ** -o.definitionsPower *
    (e.frequency + o.frequencyFloor) ** o.frequencyPower *
    (1 + e.df) ** o.corpusPower
  );
}

/** A key's senses, best first, p relative to the best (1). A form glossing the key twice counts its best. */
export function rankSenses(candidates: SenseEvidence[], o: SenseOptions): [string, number][] {
  const best = new Map<string, number>();
  for (const c of candidates) {
    const s = senseScore(c, o);
    if (s > (best.get(c.form) ?? 0)) best.set(c.form, s);
  }
  const ranked = [...best].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = ranked[0]?.[1] || 1;
  return ranked
    .filter(([, s]) => s >= o.minShare * top)
    .slice(0, o.maxSenses)
    .map(([form, s]) => [form, round(s / top)]);
}
