import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import type { Embeddings } from "@langchain/core/embeddings";
import hnswlib, { type HierarchicalNSW } from "hnswlib-node";
import type { Passage } from "../ingest/types.js";
import type { Scored } from "./bm25.js";
import type { BuildBase } from "./sources.js";

/**
 * How the HNSW graph is built (hnswlib's defaults, which the index always had). On the
 * 45 reports (6,569 passages, 1,024 dimensions) with search ef 200, against exact
 * neighbours: efConstruction 200 keeps 94% of the top 50 (96% of the top 10) and costs
 * about 11 s of CPU; 100 keeps 92% for 8 s, 64 keeps 89% for 4.6 s.
 */
const HNSW_BUILD = {
  /** links per node: more is better recall, more memory and a slower build */
  m: 16,
  /** candidates looked at while linking a node: the recall/build-time trade above */
  efConstruction: 200,
  /** the graph's levels are drawn from it: the same seed, the same graph for the same vectors */
  randomSeed: 100,
  /**
   * an update adds the new passages as new nodes and deletes the nodes of passages gone
   * (re-linking a node in place to reuse it costs about 4 times as much); once deleted
   * nodes would pass this share of the passages, the graph is built again from its own
   * vectors instead (nothing is embedded again)
   */
  maxDeletedShare: 0.25,
} as const;

/**
 * How the graph is searched: hnswlib's ef (candidates kept while searching) is the
 * corpus's passage count, held between these bounds; more is better recall and a slower
 * search. Set by hand with the first index, not tuned on an eval; HNSW_BUILD's recall
 * figures on the 45 reports were measured at the upper bound.
 */
const HNSW_SEARCH = {
  /** the least ef, for small corpora */
  minEf: 64,
  /** the most ef, for corpora of 200 passages or more */
  maxEf: 200,
} as const;

/** The search ef for a corpus of `passages` (HNSW_SEARCH). */
export const searchEf = (passages: number) =>
  Math.min(HNSW_SEARCH.maxEf, Math.max(HNSW_SEARCH.minEf, passages));

/** A graph to put passages' vectors into, and each passage's label in it. */
export type GraphPlan = {
  graph: HierarchicalNSW;
  /** per passage */
  labels: Int32Array;
  /** labels of the base's passages that are gone: deleted once the new ones are in */
  gone: number[];
};

function emptyGraph(dims: number, capacity: number): HierarchicalNSW {
  const graph = new hnswlib.HierarchicalNSW("cosine", dims);
  graph.initIndex(
    Math.max(1, capacity),
    HNSW_BUILD.m,
    HNSW_BUILD.efConstruction,
    HNSW_BUILD.randomSeed,
  );
  return graph;
}

/**
 * The graph for these passages, where the new ones (from[i] < 0) are then added. Without a
 * base: an empty graph, each passage labelled by its index. With one: the base's graph,
 * where a kept passage keeps its node and a new one gets a new label; the nodes of the
 * passages gone are deleted after. Past maxDeletedShare: a new graph, with the kept
 * passages' vectors taken from the base's graph.
 */
export async function planGraph(
  dims: number,
  from: Int32Array,
  base: BuildBase | undefined,
): Promise<GraphPlan> {
  const n = from.length;
  const identity = () => Int32Array.from({ length: n }, (_, i) => i);
  if (!base) return { graph: emptyGraph(dims, n), labels: identity(), gone: [] };
  const old = new hnswlib.HierarchicalNSW("cosine", dims);
  await old.readIndex(base.hnswFile);
  const count = old.getCurrentCount();
  const kept = new Uint8Array(count);
  for (const f of from) if (f >= 0) kept[base.labels[f] as number] = 1;
  const gone = [...base.labels].filter((l) => !kept[l]);
  const deleted = count - base.labels.length + gone.length;
  if (deleted > HNSW_BUILD.maxDeletedShare * n) {
    const graph = emptyGraph(dims, n);
    from.forEach((f, i) => {
      if (f >= 0) graph.addPoint(old.getPoint(base.labels[f] as number), i);
    });
    return { graph, labels: identity(), gone: [] };
  }
  let next = count;
  const labels = Int32Array.from(from, (f) => (f >= 0 ? (base.labels[f] as number) : next++));
  if (next > old.getMaxElements()) old.resizeIndex(next);
  return { graph: old, labels, gone };
}

/** Save the graph as LangChain's HNSWLib store: the graph, its settings and a docstore by label. */
export async function saveGraph(
  dir: string,
  plan: GraphPlan,
  passages: Passage[],
  embeddings: Embeddings,
): Promise<void> {
  for (const label of plan.gone) plan.graph.markDelete(label);
  const store = new HNSWLib(embeddings, {
    space: "cosine",
    numDimensions: plan.graph.getNumDimensions(),
  });
  store._index = plan.graph;
  const docs: Record<string, Document> = {};
  passages.forEach((p, i) => {
    docs[plan.labels[i] as number] = new Document({
      pageContent: p.text,
      metadata: { i, id: p.id },
    });
  });
  store.docstore.add(docs);
  await store.save(dir);
}

/** label -> passage (-1 for a deleted node), from passage -> label. */
export function passagesByLabel(labels: Int32Array, count: number): Int32Array {
  const out = new Int32Array(count).fill(-1);
  labels.forEach((l, p) => {
    out[l] = p;
  });
  return out;
}

/**
 * The graph's nearest passages to a vector (approximate), as passage indexes with cosine
 * similarity, best first; with `keep`, only passages it accepts.
 */
export function nearestPassages(
  index: { vectors: HNSWLib; passageOf: Int32Array },
  vector: number[],
  n: number,
  keep?: (passage: number) => boolean,
): Scored[] {
  const { passageOf } = index;
  const filter = keep ? (label: number) => keep(passageOf[label] as number) : undefined;
  const found = index.vectors.index.searchKnn(vector, n, filter);
  return found.neighbors.map((label, i) => ({
    index: passageOf[label] as number,
    score: 1 - (found.distances[i] ?? 1),
  }));
}
