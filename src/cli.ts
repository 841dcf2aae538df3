import { runBigFileBench } from "./bench/big-file-bench.js";
import { runLoadBench } from "./bench/load-bench.js";
import { runBench } from "./bench/run-bench.js";
import { runScaleBench } from "./bench/scale-bench.js";
import { runXquadBench } from "./bench/xquad.js";
import { buildEngine } from "./build-engine.js";
import { loadConfig, secretsOf } from "./config.js";
import { belowFloors, FLOORS_FILE, floorsOf, readFloors } from "./eval/floors.js";
import { EVAL_SETS, runEvals } from "./eval/run-evals.js";
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
      const sets = only ? EVAL_SETS.filter((s) => s === only) : EVAL_SETS;
      if (!sets.length) throw new Error(`eval sets: ${EVAL_SETS.join(", ")}`);
      const figures = await runEvals(config, log, { sets, verbose: args.includes("--verbose") });
      const below = belowFloors(figures, floorsOf(await readFloors(), sets));
      console.log(
        below.length
          ? `\nbelow the floors of ${FLOORS_FILE}:\n  ${below.join("\n  ")}`
          : `\nevery figure at or above its floor (${FLOORS_FILE})`,
      );
      if (below.length) process.exitCode = 1;
      return;
    }
    case "bench":
      await runBench(config);
      return;
    case "bench-xquad":
      await runXquadBench(args[0] ?? "../shared/bench/xquad");
      return;
    case "bench-scale":
      await runBigFileBench(Number(args[1] ?? 50));
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
