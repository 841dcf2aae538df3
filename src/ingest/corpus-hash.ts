import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { corpusPaths } from "./read-corpus.js";
import type { SourceFile } from "./types.js";

/**
 * A hash of a corpus folder as stored: the path and bytes of every file the corpus reader
 * reads (documents, sidecars, and the files it skips), so that any change to any of them,
 * a skipped file replaced by a good one included, rebuilds the index. Hashing bytes costs
 * milliseconds; extracting the text of .docx, .html and .pdf files is left to a rebuild.
 */
export async function corpusDirHash(dir: string): Promise<string> {
  const h = createHash("sha256");
  for (const path of await corpusPaths(dir)) {
    const bytes = await readFile(join(dir, path)).catch(() => undefined);
    const digest = bytes ? createHash("sha256").update(bytes).digest("hex") : "unreadable";
    h.update(`${path}\0${digest}\0`);
  }
  return h.digest("hex");
}

/** A hash of files given in memory (no folder): names, formats, texts and metadata. */
export function corpusHash(files: SourceFile[]): string {
  const h = createHash("sha256");
  for (const f of files) {
    h.update(f.name).update("\0").update(f.format).update("\0").update(f.raw).update("\0");
    h.update(JSON.stringify(f.meta)).update("\0");
  }
  return h.digest("hex");
}
