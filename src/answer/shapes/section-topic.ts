import type { Range } from "../../index/bm25.js";
import type { Passage } from "../../ingest/types.js";
import type { Hit } from "../../retrieve/hybrid-search.js";
import type { Tokenizer } from "../../text/tokenizer.js";
import { coverage, type WeightedGroup } from "../match-terms.js";
import { termSet } from "../term-set.js";

/**
 * A node of a report's section tree: one report, one heading path; `own` for the passages
 * that sit in the section itself, outside its sub-sections (a topic whose heading the
 * excerpt lost, the part's opening and closing words).
 */
export type SectionNode = { doc: string; path: string[]; own?: boolean; score: number };

/**
 * How the section an open question is about is chosen (tuning part of the eval set):
 * retrieved passages vote for the sections they sit in with their squared retrieval scores
 * times the share of the question's weight they hold, a section's votes count per square
 * root of its size (a large section collects votes by being large), and a heading that
 * holds the question's words counts on its own (less than the votes: 转型 in 外资外贸加快转型
 * does not make it the section about 数字化转型).
 */
export const SECTION_WEIGHTS = {
  /** the share of the question's weight in a heading, times this */
  heading: 0.5,
  /** a deeper node wins a tie (a lead-sentence topic over its numbered section) */
  depth: 0.02,
};

const key = (doc: string, path: string[], own = false) =>
  `${doc}\u0000${path.join("\u0001")}${own ? "\u0002" : ""}`;

/** A heading that names nothing ("（一）" of an excerpt whose heading was cut off). */
export const bareHeading = (heading: string) =>
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
    // a passage votes by its rank and by how much of the question it holds (with its
    // heading): a passage ranked high for a part of a word (都市 of 都市圈) votes less
    const held = termSet(tokenizer, `${section[section.length - 1] ?? ""} ${h.passage.text}`);
    const vote = h.score * h.score * coverage(weighted, held).share;
    for (let depth = 1; depth <= section.length; depth++) {
      const path = section.slice(0, depth);
      const heading = path[path.length - 1] as string;
      if (bareHeading(heading)) continue;
      const k = key(h.passage.doc, path);
      let n = nodes.get(k);
      if (!n) {
        const share = coverage(weighted, termSet(tokenizer, heading)).share;
        n = { node: { doc: h.passage.doc, path, score: 0 }, votes: 0, heading: share };
        nodes.set(k, n);
      }
      // the top passages' votes count most: a section is chosen for its best passages
      n.votes += vote;
    }
    // the passages in the section itself, when it has sub-sections too
    const k = key(h.passage.doc, section, true);
    let own = nodes.get(k);
    if (!own) {
      const last = section[section.length - 1] ?? "";
      const share = bareHeading(last) ? 0 : coverage(weighted, termSet(tokenizer, last)).share;
      own = {
        node: { doc: h.passage.doc, path: section, own: true, score: 0 },
        votes: 0,
        heading: share,
      };
      nodes.set(k, own);
    }
    own.votes += vote;
  }
  // a whole part of the report is too broad for a topic, when any narrower section competes
  const narrow = [...nodes.values()].some((n) => n.node.path.length > 1);
  let best: SectionNode | undefined;
  for (const n of nodes.values()) {
    if (narrow && n.node.path.length === 1 && !n.node.own) continue;
    const size = sectionPassages(passages, ranges, n.node).length || 1;
    // a section without sub-sections is its own passages: one node for both
    if (n.node.own && size === sectionPassages(passages, ranges, { ...n.node, own: false }).length)
      continue;
    n.node.score = n.votes / Math.sqrt(size) + W.heading * n.heading + W.depth * n.node.path.length;
    if (!best || n.node.score > best.score) best = n.node;
  }
  return best;
}

/** The passages of a section (its sub-sections' too) that lie in the ranges searched, in order. */
export function sectionPassages(
  passages: Passage[],
  ranges: readonly Range[],
  node: Pick<SectionNode, "doc" | "path" | "own">,
): Passage[] {
  const out: Passage[] = [];
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const p = passages[i] as Passage;
      if (p.doc !== node.doc || !within(node.path, p.section)) continue;
      if (!node.own || p.section.length === node.path.length) out.push(p);
    }
  }
  return out;
}
