import { buildEngine } from "../build-engine.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { printCrossRows } from "./cross-rows.js";
import { combinedCorpus } from "./eval-corpus.js";
import { summaryFigures, targetFigures } from "./floors.js";
import { runEval } from "./run-eval.js";
import { printMisses, printSummary, runUserSet, summarize } from "./run-user-eval.js";
import { printTargets, readTargets, scoreByPart } from "./targets-eval.js";
import { readUserSet } from "./user-set.js";

export const EVAL_SETS = ["legacy", "city", "reports"] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

/**
 * `npm run eval`: the legacy set and the users' city set on the configured corpus, the
 * users' reports set and the main targets on the 45 reports (index in INDEX_DIR/many).
 * Prints each section; returns every figure by name, for the floors.
 */
export async function runEvals(
  config: Config,
  log: Logger,
  opts: { sets?: readonly EvalSet[]; verbose?: boolean; print?: (text: string) => void } = {},
): Promise<Record<string, number>> {
  const sets = opts.sets ?? EVAL_SETS;
  const print = opts.print ?? console.log;
  const verbose = opts.verbose ?? false;
  const figures: Record<string, number> = {};
  if (sets.includes("legacy") || sets.includes("city")) {
    const engine = await buildEngine(config, log);
    if (sets.includes("legacy"))
      Object.assign(figures, await runEval(engine, "tests/eval", { verbose, print }));
    if (sets.includes("city")) {
      const rows = await runUserSet(engine, await readUserSet("tests/eval/city/questions.json"));
      print(printSummary("\ncity (tests/eval/city, the Chengdu report alone):", rows));
      if (verbose) print(printMisses(rows));
      Object.assign(figures, summaryFigures("city", summarize(rows)));
    }
  }
  if (sets.includes("reports")) {
    const many = await buildEngine(
      { ...config, corpusDir: await combinedCorpus(), indexDir: `${config.indexDir}/many` },
      log,
    );
    const rows = await runUserSet(many, await readUserSet("tests/eval/reports/questions.json"));
    print(printSummary("\nreports (tests/eval/reports, 45 reports at once):", rows));
    print(printCrossRows(rows));
    if (verbose) print(printMisses(rows));
    Object.assign(figures, summaryFigures("reports", summarize(rows)));
    const { figures: table } = many.index;
    const text = (r: { doc: string; indicatorStart: number; indicatorEnd: number }) =>
      many.context.docs.get(r.doc)?.text.slice(r.indicatorStart, r.indicatorEnd) ?? "";
    const targets = await readTargets("tests/eval/reports/targets.json");
    const score = scoreByPart(table.rows, targets, table.vocabulary, text);
    print(printTargets(score, verbose));
    Object.assign(figures, targetFigures(score));
  }
  return figures;
}
