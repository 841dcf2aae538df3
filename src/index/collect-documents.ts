import { ingestFile } from "../ingest/ingest-file.js";
import type { Doc, Passage, SourceFile } from "../ingest/types.js";
import { type BuildBase, type SourceRecord, sourceKey } from "./sources.js";

/** The documents and passages of a corpus, each passage with where it came from. */
export type Collected = {
  docs: Doc[];
  passages: Passage[];
  sources: SourceRecord[];
  /** per passage: its index in the base when taken over, -1 when it was made now */
  from: Int32Array;
  /** documents taken over from the base */
  reused: number;
};

/**
 * Every file's document and passages, in order: taken over from the base when the file is
 * the same (name, format, text, metadata), ingested otherwise.
 */
export function collectDocuments(files: SourceFile[], base?: BuildBase): Collected {
  const byName = new Map((base?.sources ?? []).map((s, i) => [s.name, i]));
  const docs: Doc[] = [];
  const passages: Passage[] = [];
  const sources: SourceRecord[] = [];
  const from: number[] = [];
  let reused = 0;
  for (const file of files) {
    const key = sourceKey(file);
    const at = byName.get(file.name);
    const old = at === undefined ? undefined : base?.sources[at];
    const start = passages.length;
    const oldDoc = at === undefined ? undefined : base?.docs[at];
    if (base && old?.key === key && oldDoc) {
      docs.push(oldDoc);
      for (let p = old.passages[0]; p < old.passages[1]; p++) {
        passages.push(base.passages[p] as Passage);
        from.push(p);
      }
      reused++;
    } else {
      const one = ingestFile(file);
      for (const d of one.docs) docs.push(d);
      for (const p of one.passages) {
        passages.push(p);
        from.push(-1);
      }
    }
    sources.push({
      name: file.name,
      key,
      ...(file.sha256 ? { sha256: file.sha256, raw: file.raw } : {}),
      passages: [start, passages.length],
    });
  }
  return { docs, passages, sources, from: Int32Array.from(from), reused };
}
