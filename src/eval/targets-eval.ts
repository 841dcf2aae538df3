import { readFile } from "node:fs/promises";
import { z } from "zod";
import { type IndicatorVocabulary, indicatorForm } from "../figures/indicators.js";
import type { FigureRow } from "../figures/types.js";
import { isHeldOut } from "./user-set.js";

/** A row of the hand-made table of main targets (tests/eval/reports/targets.json, see its README). */
const targetSchema = z.object({
  doc: z.string(),
  key: z.string(),
  indicator: z.string(),
  value: z.string(),
  unit: z.string(),
  qualifier: z.string(),
  measure: z.string(),
  direction: z.enum(["up", "down"]).nullable(),
  quote: z.string(),
  year: z.number().int(),
});
export type TargetRow = z.infer<typeof targetSchema>;

export async function readTargets(path: string): Promise<TargetRow[]> {
  return z.array(targetSchema).parse(JSON.parse(await readFile(path, "utf8")));
}

/** "5.0-5.5" -> [5, 5.5]; "6" -> [6]; a grade (Ⅱ) is no number. */
const numbers = (v: string) => v.split("-").map(Number);

export type Match = { target: TargetRow; row?: FigureRow };
export type TargetScore = {
  /** extracted main-target rows, matched hand rows, hand rows */
  extracted: number;
  matched: number;
  expected: number;
  precision: number;
  recall: number;
  /** hand rows with no extracted row, and extracted rows with no hand row */
  missed: TargetRow[];
  extra: FigureRow[];
  /** matched rows whose measure and direction are the hand table's too */
  sameMeasure: number;
};

/**
 * Does an extracted row state a hand row: the same value (both ends of a range), unit and
 * qualifier, and the same indicator: the same words (place words such as 全省 and spaces
 * aside), read from the same words (a 分别 list), or the same common indicator.
 */
function sameTarget(
  r: FigureRow,
  t: TargetRow,
  vocab: IndicatorVocabulary,
  text: (r: FigureRow) => string,
): boolean {
  const [lo, hi] = numbers(t.value);
  if (r.value !== lo || (hi !== undefined ? r.high !== hi : r.high !== undefined)) return false;
  if (r.unit !== t.unit || r.qualifier !== t.qualifier) return false;
  const want = indicatorForm(t.indicator);
  if (indicatorForm(r.indicator) === want || indicatorForm(text(r)) === want) return true;
  const key = vocab.keyOf(t.indicator)?.key;
  return key !== undefined && key === r.key;
}

/** Precision and recall of the main-target rows of some reports against the hand-made table. */
export function scoreTargets(
  rows: readonly FigureRow[],
  targets: TargetRow[],
  vocab: IndicatorVocabulary,
  text: (r: FigureRow) => string,
): TargetScore {
  const docs = new Set(targets.map((t) => t.doc));
  const extracted = rows.filter((r) => r.main && docs.has(r.doc));
  const used = new Set<FigureRow>();
  const missed: TargetRow[] = [];
  let sameMeasure = 0;
  for (const t of targets) {
    const r = extracted.find(
      (x) => !used.has(x) && x.doc === t.doc && sameTarget(x, t, vocab, text),
    );
    if (r) used.add(r);
    else missed.push(t);
    if (r && r.measure === t.measure && r.direction === t.direction) sameMeasure++;
  }
  const matched = used.size;
  return {
    extracted: extracted.length,
    matched,
    expected: targets.length,
    precision: extracted.length ? matched / extracted.length : 0,
    recall: targets.length ? matched / targets.length : 0,
    missed,
    extra: extracted.filter((r) => !used.has(r)),
    sameMeasure,
  };
}

/** The score of the reports kept for tuning and of the fifth kept aside (by a hash of the doc id). */
export function scoreByPart(
  rows: readonly FigureRow[],
  targets: TargetRow[],
  vocab: IndicatorVocabulary,
  text: (r: FigureRow) => string,
): { tune: TargetScore; heldOut: TargetScore } {
  const held = (t: { doc: string }) => isHeldOut(t.doc);
  return {
    tune: scoreTargets(
      rows.filter((r) => !held(r)),
      targets.filter((t) => !held(t)),
      vocab,
      text,
    ),
    heldOut: scoreTargets(rows.filter(held), targets.filter(held), vocab, text),
  };
}

const f2 = (x: number) => x.toFixed(3);

/** The section `npm run eval` prints; the misses of the tuning part only when asked. */
export function printTargets(s: { tune: TargetScore; heldOut: TargetScore }, verbose: boolean) {
  const line = (name: string, x: TargetScore) =>
    `  ${name.padEnd(9)} precision ${f2(x.precision)} (${x.matched}/${x.extracted})  recall ${f2(x.recall)} (${x.matched}/${x.expected})  measure and direction as by hand ${x.sameMeasure}/${x.matched}`;
  const out = [
    "\nmain targets (tests/eval/reports/targets.json against the figure table's main-target rows):",
    line("tune", s.tune),
    line("held-out", s.heldOut),
  ];
  if (verbose) {
    for (const t of s.tune.missed)
      out.push(`  ✗ missed ${t.doc}: ${t.indicator} ${t.value}${t.unit} ${t.qualifier}`);
    for (const r of s.tune.extra)
      out.push(`  ✗ extra  ${r.doc}: ${r.indicator} ${r.figure} ${r.qualifier}`);
  }
  return out.join("\n");
}
