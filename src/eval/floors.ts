import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Summary } from "./run-user-eval.js";
import type { TargetScore } from "./targets-eval.js";

/** Where the floors `npm run eval` and `npm test` hold the measured figures to. */
export const FLOORS_FILE = "tests/eval/floors.json";

/** Figure name ("city.open.en", "legacy.refusal.recall", …) -> the lowest value accepted. */
const floorsSchema = z.record(z.string(), z.number().min(0).max(1));
export type Floors = z.infer<typeof floorsSchema>;

export async function readFloors(path = FLOORS_FILE): Promise<Floors> {
  const raw: unknown = JSON.parse(await readFile(path, "utf8"));
  return floorsSchema.parse(
    Object.fromEntries(Object.entries(raw as object).filter(([k]) => !k.startsWith("//"))),
  );
}

/**
 * A user set's figures by name: `<set>.<kind>.<language>` over the whole set (tuning and
 * held-out parts together, "all" for every kind or language) and `<set>.held-out.<language>`
 * for the fifth kept aside.
 */
export function summaryFigures(set: string, s: Summary): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [kind, byLang] of Object.entries(s.all ?? {}))
    for (const [lang, c] of Object.entries(byLang)) out[`${set}.${kind}.${lang}`] = c.right / c.n;
  for (const [lang, c] of Object.entries(s["held-out"]?.all ?? {}))
    out[`${set}.held-out.${lang}`] = c.right / c.n;
  return out;
}

/** The figure table's main targets against the hand-made table, tuning and held-out reports. */
export function targetFigures(s: { tune: TargetScore; heldOut: TargetScore }) {
  return {
    "targets.tune.precision": s.tune.precision,
    "targets.tune.recall": s.tune.recall,
    "targets.held-out.precision": s.heldOut.precision,
    "targets.held-out.recall": s.heldOut.recall,
  };
}

/** The floors of some sets: their figures' names start with the set (targets are the reports set's). */
export function floorsOf(floors: Floors, sets: readonly string[]): Floors {
  const setOf = (name: string) => {
    const head = name.split(".")[0] as string;
    return head === "targets" ? "reports" : head;
  };
  return Object.fromEntries(Object.entries(floors).filter(([name]) => sets.includes(setOf(name))));
}

/** Each floor the measured figures fall below (or do not measure), as a line to print. */
export function belowFloors(measured: Record<string, number>, floors: Floors): string[] {
  const out: string[] = [];
  for (const [name, floor] of Object.entries(floors)) {
    const value = measured[name];
    if (value === undefined) out.push(`${name}: not measured (floor ${floor})`);
    else if (value < floor) out.push(`${name}: ${value.toFixed(3)} is below its floor ${floor}`);
  }
  return out;
}
