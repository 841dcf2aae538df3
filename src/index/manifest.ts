import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { LEXICON_VERSION } from "../lexicon/lexicon.js";

/** Bump when ingestion or index layout changes, so that old indexes are rebuilt (the lexicon's own version is part of it). */
export const INDEX_VERSION = `ingest-18+${LEXICON_VERSION}`;

export const manifestSchema = z.object({
  version: z.string(),
  corpusHash: z.string(),
  embedder: z.string(),
  dimensions: z.number().int().positive(),
  passages: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  /** documents taken over unchanged from the build before (absent: built from scratch) */
  reused: z.number().int().nonnegative().optional(),
  builtAt: z.string(),
  buildMs: z.number(),
  /** sha256 of every file of the index, relative path -> hex */
  files: z.record(z.string(), z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export async function hashFiles(dir: string, names: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of names) out[name] = sha256(await readFile(join(dir, name)));
  return out;
}

/** Is a saved index made from this corpus, by this code and this embedder? */
export function isCurrent(m: Manifest, corpusHash: string, embedder: string): boolean {
  return m.version === INDEX_VERSION && m.corpusHash === corpusHash && m.embedder === embedder;
}
