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
export const HNSW_BUILD = {
  /** links per node: more is better recall, more memory and a slower build */
  m: 16,
  /** candidates looked at while linking a node: the recall/build-time trade above */
  efConstruction: 200,
  /** the graph's levels are drawn from it: the same seed, the same graph for the same vectors */
  randomSeed: 100,
} as const;

/** A graph to put passages' vectors into, and each passage's label in it. */
export type GraphPlan = {
  graph: HierarchicalNSW;
  /** per passage */
  labels: Int32Array;
  /** labels of the base's passages that are gone: deleted once the new ones are in */
  gone: number[];
};

/**
 * The graph for these passages. Without a base: an empty graph, labels the passages' own
 * indexes. With one: the base's graph, where a kept passage keeps its label and a new one
 * takes the label of a passage gone (hnswlib re-links a node whose vector is replaced),
 * then one deleted before, then a new one; what is left of the gone is deleted after.
 */
export async function planGraph(
  dims: number,
  from: Int32Array,
  base: BuildBase | undefined,
): Promise<GraphPlan> {
  const graph = new hnswlib.HierarchicalNSW("cosine", dims);
  const n = from.length;
  if (!base) {
    graph.initIndex(Math.max(1, n), HNSW_BUILD.m, HNSW_BUILD.efConstruction, HNSW_BUILD.randomSeed);
    return { graph, labels: Int32Array.from({ length: n }, (_, i) => i), gone: [] };
  }
  await graph.readIndex(base.hnswFile);
  const count = graph.getCurrentCount();
  const live = new Uint8Array(count);
  for (const l of base.labels) live[l] = 1;
  const kept = new Uint8Array(count);
  for (const f of from) if (f >= 0) kept[base.labels[f] as number] = 1;
  const free: number[] = [];
  for (let l = 0; l < count; l++) if (live[l] && !kept[l]) free.push(l);
  const freed = free.length;
  for (let l = 0; l < count; l++) if (!live[l]) free.push(l);
  let taken = 0;
  let next = count;
  const labels = Int32Array.from(from, (f) =>
    f >= 0 ? (base.labels[f] as number) : taken < free.length ? (free[taken++] as number) : next++,
  );
  if (next > graph.getMaxElements()) graph.resizeIndex(next);
  return { graph, labels, gone: free.slice(Math.min(taken, freed), freed) };
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
