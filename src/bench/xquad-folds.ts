import type { XquadQuestion } from "./xquad-data.js";
import { type Metrics, rankMetrics } from "./xquad-metrics.js";

/** Folds for cross-validation: whole articles, so that no fold shares a topic with another. */
export const FOLDS = 4;

/** The fold of a question: its article ("a07-p03" -> article 7) round-robin over the folds. */
export function foldOf(q: XquadQuestion, folds = FOLDS): number {
  const article = Number(/^a(\d+)/.exec(q.paragraph)?.[1] ?? 1);
  return (article - 1) % folds;
}

/** Metrics of each fold, from the ranks of all questions in order. */
export function foldMetrics(questions: XquadQuestion[], ranks: number[], folds = FOLDS): Metrics[] {
  return Array.from({ length: folds }, (_, f) =>
    rankMetrics(ranks.filter((_, i) => foldOf(questions[i] as XquadQuestion, folds) === f)),
  );
}

/** The largest difference between two folds' values. */
export const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
