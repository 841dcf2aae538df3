import type { Range } from "../index/bm25.js";
import type { PassageRun } from "../index/load-index.js";
import type { Part } from "../ingest/types.js";
import type { DocScope } from "../question/resolve-scope.js";

/** Parts that never answer: the front matter is metadata; shortcomings answer only questions about them. */
export type PartRule = { exclude: Part[] } | { only: Part[] };

/**
 * The passages a search may return, as ranges: the runs of the documents in scope, of the
 * parts the scope allows for each, minus the parts the rule keeps out. Adjacent runs merge.
 */
export function scopeRanges(runs: PassageRun[], docs: DocScope[], rule: PartRule): Range[] {
  const byDoc = new Map(docs.map((d) => [d.doc, d]));
  const out: [number, number][] = [];
  for (const r of runs) {
    const d = byDoc.get(r.doc);
    if (!d) continue;
    if (d.parts && !d.parts.includes(r.part)) continue;
    if ("only" in rule ? !rule.only.includes(r.part) : rule.exclude.includes(r.part)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === r.from) last[1] = r.to;
    else out.push([r.from, r.to]);
  }
  return out;
}

export const countIn = (ranges: readonly Range[]) => ranges.reduce((n, [a, b]) => n + b - a, 0);
