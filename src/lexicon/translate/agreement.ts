import type { Budget } from "./budget.js";
import type { Senses } from "./word-senses.js";

/** What translation may ask of the corpus: where a term occurs. */
export type CorpusPostings = {
  /** [passage, tf, passage, tf, ...] of an index term; undefined when the corpus lacks it */
  postings(term: string): readonly number[] | undefined;
};

/**
 * A sense counts `floor + (1 - floor) * a` of its dictionary weight, where a (0..1) is how
 * well it agrees with the other words of the question relative to the word's best-agreeing
 * sense. 1: agreement off.
 */
export type AgreementOptions = { floor: number };

const termsOf = (form: string) => form.split(" ");

/**
 * Re-weight each unit's senses by their agreement with the other units' senses: a sense
 * agrees as much as the best passage that holds it holds the others (the sum, over the other
 * units, of the best p of theirs it holds). The sense the text uses sits beside the other
 * words of the question; a sense the dictionary ranks first but the text uses elsewhere
 * ("time" as 泰晤士 in a question about a game) falls behind. A unit whose work the budget
 * cannot cover keeps its weights.
 */
export function agreeSenses(
  units: Senses[],
  corpus: CorpusPostings,
  o: AgreementOptions,
  budget: Budget,
): Senses[] {
  const n = units.length;
  if (n < 2 || o.floor >= 1) return units;
  const weights: Map<number, number>[] = [];
  for (const senses of units) {
    const w = new Map<number, number>();
    for (const [form, p] of senses) {
      for (const t of termsOf(form)) {
        const list = corpus.postings(t);
        if (!list) continue;
        if (!budget.grant(list.length / 2)) return units;
        for (let i = 0; i < list.length; i += 2) {
          const d = list[i] as number;
          if ((w.get(d) ?? 0) < p) w.set(d, p);
        }
      }
    }
    weights.push(w);
  }
  return units.map((senses, u) => {
    if (senses.length < 2) return senses;
    let cost = 0;
    for (const [form] of senses) {
      for (const t of termsOf(form)) cost += ((corpus.postings(t)?.length ?? 0) / 2) * (n - 1);
    }
    if (!budget.grant(cost)) return senses;
    const agree = senses.map(([form]) => {
      let best = 0;
      for (const t of termsOf(form)) {
        const list = corpus.postings(t) ?? [];
        for (let i = 0; i < list.length; i += 2) {
          const d = list[i] as number;
          let sum = 0;
          for (let v = 0; v < n; v++)
            if (v !== u) sum += (weights[v] as Map<number, number>).get(d) ?? 0;
          if (sum > best) best = sum;
        }
      }
      return best;
    });
    const top = Math.max(...agree);
    if (top <= 0) return senses;
    const out = senses.map(([form, p], i): [string, number] => [
      form,
      p * (o.floor + ((1 - o.floor) * (agree[i] as number)) / top),
    ]);
    const best = Math.max(...out.map(([, p]) => p)) || 1;
    return out
      .map(([form, p]): [string, number] => [form, p / best])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  });
}
