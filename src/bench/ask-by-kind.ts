import type { Engine } from "../engine.js";
import { readUserSet, type UserQuestion } from "../eval/user-set.js";

/** The users' question sets the latency of each kind of question is measured on. */
export const USER_SETS = ["tests/eval/reports/questions.json", "tests/eval/city/questions.json"];

/**
 * Offline ask latency (ms) per kind of question, in-process, with the engine's answer cache
 * off: every question of the users' sets (with its history), `rounds` times.
 */
export async function askLatencyByKind(
  engine: Engine,
  rounds: number,
): Promise<Map<string, number[]>> {
  const questions: UserQuestion[] = [];
  for (const file of USER_SETS) questions.push(...(await readUserSet(file)));
  for (const q of questions) await engine.asker.ask({ question: q.question, history: q.history }); // warm-up
  const byKind = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await engine.asker.ask({ question: q.question, history: q.history });
      const ms = performance.now() - t;
      for (const kind of [q.kind, "all"]) {
        const xs = byKind.get(kind) ?? [];
        byKind.set(kind, xs);
        xs.push(ms);
      }
    }
  }
  return byKind;
}
