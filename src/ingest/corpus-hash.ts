import { createHash } from "node:crypto";
import type { SourceFile } from "./types.js";

/** A hash of everything ingestion reads: names, texts and sidecar metadata. */
export function corpusHash(files: SourceFile[]): string {
  const h = createHash("sha256");
  for (const f of files)
    h.update(f.name).update("\0").update(f.raw).update("\0").update(JSON.stringify(f.meta));
  return h.digest("hex");
}
