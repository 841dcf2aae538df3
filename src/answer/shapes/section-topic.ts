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
 * retrieved passages vote for the sections they sit in with their squared retrieval scores, a
 * section's votes count per square root of its size (a large section collects votes by
 * being large), and a heading that holds the question's words counts on its own.
 */
export const SECTION_WEIGHTS = {
  /** the share of the question's weight in a heading, times this */
  heading: 1,
  /** a deeper node wins a tie (a lead-sentence topic over its numbered section) */
  depth: 0.02,
};

const key = (doc: string, path: string[]) => `${doc}\u0000${path.join("\u0001")}`;

/** A heading that names nothing ("（一）" of an excerpt whose heading was cut off). */
const bare = (heading: string) =>
  !/[\u3400-\u9fff]{2}/.test(heading.replace(/^[（(][一二三四五六七八九十\d]+[）)]/, ""));

const within = (path: string[], section: string[]) => path.every((s, i) => section[i] === s);

/**
 * The section the question is about: among the sections of the top passages (a part, a
 * numbered section, or a lead-sentence topic inside one), the one whose passages rank
 * high for their number and whose heading holds the question's words.
 */
export function sectionTopic(
  hits: Hit[],
  weighted: WeightedGroup[],
  tokenizer: Tokenizer,
  passages: Passage[],
  ranges: readonly Range[],
): SectionNode | undefined {
  const W = SECTION_WEIGHTS;
  const nodes = new Map<string, { node: SectionNode; votes: number; heading: number }>();
  for (const h of hits) {
    const section = h.passage.section;
    for (let depth = 1; depth <= section.length; depth++) {
      const path = section.slice(0, depth);
      const heading = path[path.length - 1] as string;
      if (bare(heading)) continue;
      const k = key(h.passage.doc, path);
      let n = nodes.get(k);
      if (!n) {
        const share = coverage(weighted, termSet(tokenizer, heading)).share;
        n = { node: { doc: h.passage.doc, path, score: 0 }, votes: 0, heading: share };
        nodes.set(k, n);
      }
      // the top passages' votes count most: a section is chosen for its best passages
      n.votes += h.score * h.score;
    }
  }
  // a whole part of the report is too broad for a topic, when any narrower section competes
  const narrow = [...nodes.values()].some((n) => n.node.path.length > 1);
  let best: SectionNode | undefined;
  for (const n of nodes.values()) {
    if (narrow && n.node.path.length === 1) continue;
    const size = sectionPassages(passages, ranges, n.node).length || 1;
    n.node.score = n.votes / Math.sqrt(size) + W.heading * n.heading + W.depth * n.node.path.length;
    if (!best || n.node.score > best.score) best = n.node;
  }
  return best;
}

/** The passages of a section (its sub-sections' too) that lie in the ranges searched, in order. */
export function sectionPassages(
  passages: Passage[],
  ranges: readonly Range[],
  node: Pick<SectionNode, "doc" | "path">,
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
