import { runLoadBench } from "./bench/load-bench.js";
import { runBench } from "./bench/run-bench.js";
import { runScaleBench } from "./bench/scale-bench.js";
import { runXquadBench } from "./bench/xquad.js";
import { buildEngine } from "./build-engine.js";
import { loadConfig, secretsOf } from "./config.js";
import { printCrossRows } from "./eval/cross-rows.js";
import { combinedCorpus } from "./eval/eval-corpus.js";
import { runEval } from "./eval/run-eval.js";
import { printMisses, printSummary, runUserSet } from "./eval/run-user-eval.js";
import { printTargets, readTargets, scoreByPart } from "./eval/targets-eval.js";
import { readUserSet } from "./eval/user-set.js";
import { createLogger } from "./log.js";

const [command = "help", ...args] = process.argv.slice(2);
const config = loadConfig();
const log = createLogger(config.logLevel, undefined, secretsOf(config));

async function main(): Promise<void> {
  switch (command) {
    case "ingest": {
      const engine = await buildEngine(config, log, { forceRebuild: true });
      const m = engine.index.manifest;
      console.log(
        `built ${m.passages} passages from ${m.documents} document(s) in ${m.buildMs} ms -> ${engine.index.dir}`,
      );
      return;
    }
    case "search": {
      const q = args.join(" ").trim();
      if (!q) throw new Error('usage: npm run search -- "问题"');
      const engine = await buildEngine(config, log);
      const { query, hits } = await engine.search(q, 5);
      console.log(`[${query.language}] ${q}\n`);
      for (const [i, h] of hits.entries()) {
        console.log(
          `${i + 1}. (${h.score.toFixed(3)}) ${h.passage.section.join(" › ")}\n   ${h.passage.text}\n   ${h.passage.id}\n`,
        );
      }
      return;
    }
    case "ask": {
      const q = args.join(" ").trim();
      if (!q) throw new Error('usage: npm run ask -- "问题"');
      const engine = await buildEngine(config, log);
      const a = await engine.asker.ask({ question: q });
      console.log(
        `${a.answer}\n\n[${a.language}, ${a.mode}, ${a.grounded ? "grounded" : "not in the report"}]`,
      );
      for (const c of a.citations) {
        console.log(
          `\n[${c.n}] ${c.section.join(" › ")}\n    ${c.text}\n    ${c.id} @${c.start}-${c.end}`,
        );
      }
      return;
    }
    case "eval": {
      const only = args.find((a) => !a.startsWith("--"));
      const verbose = args.includes("--verbose");
      const engine = await buildEngine(config, log);
      if (!only || only === "legacy") await runEval(engine, "tests/eval", { verbose });
      if (!only || only === "city") {
        const rows = await runUserSet(engine, await readUserSet("tests/eval/city/questions.json"));
        console.log(printSummary("\ncity (tests/eval/city, the Chengdu report alone):", rows));
        if (verbose) console.log(printMisses(rows));
      }
      if (!only || only === "reports") {
        const many = await buildEngine(
          { ...config, corpusDir: await combinedCorpus(), indexDir: `${config.indexDir}/many` },
          log,
        );
        const rows = await runUserSet(many, await readUserSet("tests/eval/reports/questions.json"));
        console.log(printSummary("\nreports (tests/eval/reports, 45 reports at once):", rows));
        console.log(printCrossRows(rows));
        if (verbose) console.log(printMisses(rows));
        const { figures } = many.index;
        const text = (r: { doc: string; indicatorStart: number; indicatorEnd: number }) =>
          many.context.docs.get(r.doc)?.text.slice(r.indicatorStart, r.indicatorEnd) ?? "";
        const targets = await readTargets("tests/eval/reports/targets.json");
        const score = scoreByPart(figures.rows, targets, figures.vocabulary, text);
        console.log(printTargets(score, verbose));
      }
      return;
    }
    case "bench":
      await runBench(config);
      return;
    case "bench-xquad":
      await runXquadBench(args[0] ?? "../shared/bench/xquad");
      return;
    case "bench-scale":
      await runScaleBench(Number(args[0] ?? 100_000));
      return;
    case "bench-load":
      await runLoadBench(Number(args[0] ?? 8));
      return;
    default:
      console.log(
        "usage: tsx src/cli.ts ingest | search <q> | ask <q> | eval | bench | bench-xquad <dir>",
      );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
