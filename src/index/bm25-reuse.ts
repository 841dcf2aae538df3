import { type Bm25Data, buildBm25 } from "./bm25.js";

/** Two postings lists with no passage in common, as one, in passage order. */
function merge(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))) {
      out.push(a[i] as number, a[i + 1] as number);
      i += 2;
    } else {
      out.push(b[j] as number, b[j + 1] as number);
      j += 2;
    }
  }
  return out;
}

/**
 * BM25 data for passages some of which a base build holds (`from[i]`: the base's passage,
 * -1 for a new one) and the rest new, given as their terms in order: the base's postings of
 * the passages kept, renumbered, merged with those of the new passages. Equal to buildBm25
 * over every passage's terms when the base's terms came from the same tokenizer. Undefined
 * when the kept passages changed order (a merge would not be in passage order).
 */
export function reuseBm25(
  base: Bm25Data,
  from: Int32Array,
  fresh: string[][],
): Bm25Data | undefined {
  const added = buildBm25(fresh, base.k1, base.b);
  const toNew = new Int32Array(base.lengths.length).fill(-1);
  const freshAt: number[] = [];
  const lengths: number[] = [];
  let last = -1;
  for (const [i, f] of from.entries()) {
    if (f >= 0) {
      if (f <= last) return undefined;
      last = f;
      toNew[f] = i;
      lengths.push(base.lengths[f] as number);
    } else {
      lengths.push(added.lengths[freshAt.length] as number);
      freshAt.push(i);
    }
  }
  const renumbered = (list: number[]) => {
    const out: number[] = [];
    for (let k = 0; k < list.length; k += 2)
      out.push(freshAt[list[k] as number] as number, list[k + 1] as number);
    return out;
  };
  const postings: Record<string, number[]> = Object.create(null);
  for (const [term, list] of Object.entries(base.postings)) {
    const kept: number[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const d = toNew[list[k] as number] as number;
      if (d >= 0) kept.push(d, list[k + 1] as number);
    }
    const more = added.postings[term];
    const all = more ? merge(kept, renumbered(more)) : kept;
    if (all.length) postings[term] = all;
  }
  for (const [term, list] of Object.entries(added.postings)) {
    if (!Object.hasOwn(base.postings, term)) postings[term] = renumbered(list);
  }
  return { k1: base.k1, b: base.b, lengths, postings };
}
