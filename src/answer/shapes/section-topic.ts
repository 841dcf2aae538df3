import type { Range } from "../../index/bm25.js";
import type { Passage } from "../../ingest/types.js";
import type { Hit } from "../../retrieve/hybrid-search.js";
import type { Tokenizer } from "../../text/tokenizer.js";
import { coverage, type WeightedGroup } from "../match-terms.js";
import { termSet } from "../term-set.js";

/** A node of a report's section tree: one report, one heading path. */
export type SectionNode = { doc: string; path: string[]; score: number };

/**
 * How the section an open question is about is chosen (tuning part of the eval set):
 * retrieved passages vote for the sections they sit in, by rank; a heading that holds the
 * question's words counts on its own, since a topic's lead sentence names it.
 */
export const SECTION_WEIGHTS = {
  /** a hit's vote: 1 / (rank + rankOffset) */
  rankOffset: 1,
  /** the share of the question's weight in a heading, times this */
  heading: 1.5,
  /** a deeper node wins a tie (a lead-sentence topic over its numbered section) */
  depth: 0.05,
};

const key = (doc: string, path: string[]) => `${doc}\u0000${path.join("\u0001")}`;

/**
 * The section the question is about: among the sections of the top passages (a numbered
 * section, or a lead-sentence topic inside one), the one whose passages rank high and whose
 * heading holds the question's words.
 */
export function sectionTopic(
  hits: Hit[],
  weighted: WeightedGroup[],
  tokenizer: Tokenizer,
): SectionNode | undefined {
  const W = SECTION_WEIGHTS;
  const nodes = new Map<string, SectionNode>();
  hits.forEach((h, rank) => {
    const section = h.passage.section;
    for (let depth = Math.min(2, section.length); depth <= section.length; depth++) {
      if (depth === 0) continue;
      const path = section.slice(0, depth);
      const k = key(h.passage.doc, path);
      let node = nodes.get(k);
      if (!node) {
        const heading = path[path.length - 1] as string;
        const share = coverage(weighted, termSet(tokenizer, heading)).share;
        node = { doc: h.passage.doc, path, score: W.heading * share + W.depth * depth };
        nodes.set(k, node);
      }
      node.score += 1 / (rank + W.rankOffset);
    }
  });
  let best: SectionNode | undefined;
  for (const n of nodes.values()) if (!best || n.score > best.score) best = n;
  return best;
}

const within = (path: string[], section: string[]) => path.every((s, i) => section[i] === s);

/** The passages of a section (its sub-sections' too) that lie in the ranges searched, in order. */
export function sectionPassages(
  passages: Passage[],
  ranges: readonly Range[],
  node: SectionNode,
): Passage[] {
  const out: Passage[] = [];
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const p = passages[i] as Passage;
      if (p.doc === node.doc && within(node.path, p.section)) out.push(p);
    }
  }
  return out;
}
