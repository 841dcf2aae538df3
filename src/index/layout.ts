import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The files of one built index, inside its own folder of INDEX_DIR. */
export const FILES = {
  manifest: "manifest.json",
  corpus: "corpus.json",
  lexical: "lexical.json",
  lexicon: "lexicon.json",
  /** every figure of every report as a row (src/figures/) */
  figures: "figures.json",
  /** every passage's embedding, L2-normalized and quantized to int8, dimension-major */
  vectors: "vectors.i8",
  /** every passage's label in the HNSW graph, int32 (absent: the passage's own index) */
  labels: "labels.i32",
  /** each corpus document as the build read it, for the next build to take over (sources.ts) */
  sources: "sources.json",
  hnswDir: "hnsw",
  hnsw: ["hnswlib.index", "args.json", "docstore.json"],
} as const;

const CURRENT = "CURRENT";
/** Folder names that builds make: corpus hash prefix and a time stamp. */
const BUILD_NAME = /^[0-9a-f]{12}-[0-9a-z]+$/;

export const buildName = (corpusHash: string) =>
  `${corpusHash.slice(0, 12)}-${Date.now().toString(36)}`;

/** The folder name CURRENT points at, or undefined when there is none. */
export async function readCurrent(indexDir: string): Promise<string | undefined> {
  try {
    const name = (await readFile(join(indexDir, CURRENT), "utf8")).trim();
    return BUILD_NAME.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

/** Is this process alive? EPERM: it exists, under another user. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** What a crashed build leaves, named by its process id: temporary folders and files. */
const LEFTOVER = [/^\.tmp-.+-(\d+)$/, /^\.build\.lock\.(\d+)\./, /^\.CURRENT\.(\d+)\.tmp$/];

function abandoned(entry: string): boolean {
  const pid = Number(LEFTOVER.map((re) => entry.match(re)?.[1]).find(Boolean));
  return pid > 0 && !alive(pid);
}

/**
 * Point CURRENT at a built folder atomically, then remove what nothing needs: builds other
 * than the new one and the one it replaces (a process that read CURRENT a moment ago may
 * still be loading that one), and what crashed builds left.
 */
export async function setCurrent(indexDir: string, name: string): Promise<void> {
  const previous = await readCurrent(indexDir);
  const tmp = join(indexDir, `.${CURRENT}.${process.pid}.tmp`);
  await writeFile(tmp, `${name}\n`);
  await rename(tmp, join(indexDir, CURRENT));
  for (const entry of await readdir(indexDir, { withFileTypes: true })) {
    const kept = entry.name === name || entry.name === previous;
    const build = entry.isDirectory() && BUILD_NAME.test(entry.name);
    if (!kept && (build || abandoned(entry.name))) {
      await rm(join(indexDir, entry.name), { recursive: true, force: true });
    }
  }
}
