import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { foldText, type Tokenizer } from "../text/tokenizer.js";

export const LOCAL_EMBEDDER = "local-hashed-v1";

export type LocalEmbeddingsOptions = EmbeddingsParams & {
  tokenizer: Tokenizer;
  dimensions?: number;
};

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** FNV-1a, 32 bit: a fast stable hash for feature hashing. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Offline, deterministic embeddings: jieba words, figures and Latin words plus Chinese
 * character bigrams, hashed (with a sign bit) into a fixed dimension, log-scaled and
 * L2-normalized. Bigrams make the vectors robust to segmentation differences between a
 * question and the report; words carry the meaning.
 */
export class LocalEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly tokenizer: Tokenizer;

  constructor(opts: LocalEmbeddingsOptions) {
    super(opts);
    this.tokenizer = opts.tokenizer;
    this.dimensions = opts.dimensions ?? 1024;
  }

  features(text: string): Map<string, number> {
    const f = new Map<string, number>();
    const add = (key: string, w: number) => f.set(key, (f.get(key) ?? 0) + w);
    for (const t of this.tokenizer.terms(text)) add(`w:${t}`, t.length === 1 ? 0.3 : 1);
    for (const run of foldText(text).match(HAN_RUN) ?? []) {
      for (let i = 0; i + 1 < run.length; i++) add(`b:${run.slice(i, i + 2)}`, 0.5);
    }
    return f;
  }

  embed(text: string): number[] {
    const v = new Float64Array(this.dimensions);
    for (const [key, w] of this.features(text)) {
      const h = fnv1a(key);
      const sign = h & 0x80000000 ? -1 : 1;
      // sublinear: repeated features count, but not linearly
      const i = h % this.dimensions;
      v[i] = (v[i] ?? 0) + sign * (w <= 1 ? w : 1 + Math.log(w));
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
