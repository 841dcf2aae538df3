import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { type Meta, metaSchema, type SourceFile } from "./types.js";

const DOC_EXT = new Set([".txt", ".md"]);

/** The corpus folder's documents, sorted by name, with their sidecar metadata. */
export async function readCorpus(dir: string): Promise<SourceFile[]> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && DOC_EXT.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  const ids = new Map<string, string>();
  for (const name of entries) {
    const id = basename(name, extname(name));
    const other = ids.get(id);
    if (other) throw new Error(`${other} and ${name} would both be document "${id}": rename one`);
    ids.set(id, name);
  }
  const files: SourceFile[] = [];
  for (const name of entries) {
    const raw = await readFile(join(dir, name), "utf8");
    const format = extname(name).toLowerCase() === ".md" ? "md" : "txt";
    files.push({ name, format, raw, meta: await readMeta(dir, name) });
  }
  return files;
}

async function readMeta(dir: string, name: string): Promise<Meta> {
  const path = join(dir, `${basename(name, extname(name))}.meta.json`);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return {};
  }
  return metaSchema.parse(JSON.parse(text));
}
