import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, posix } from "node:path";
import { FormatError } from "./formats/format-error.js";
import { READERS, type Reader } from "./formats/readers.js";
import { notTextReason } from "./formats/text-check.js";
import { type Corpus, type Meta, metaSchema, type SkippedFile, type SourceFile } from "./types.js";

/** Editors' and Office's temporary files (.#x, .~lock, ~$x.docx) and hidden folders. */
const TEMPORARY = /^(\.|~\$)/;

/** Every file under dir, as sorted relative paths with `/` separators. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    if (TEMPORARY.test(entry.name)) continue;
    const path = prefix ? posix.join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, path)));
    else if (entry.isFile()) out.push(path);
    // a link to a file is a file; links to folders are not followed (no cycles)
    else if (
      entry.isSymbolicLink() &&
      (await stat(join(dir, path)).catch(() => undefined))?.isFile()
    )
      out.push(path);
  }
  return out.sort();
}

const SIDECAR = ".meta.json";
const sidecarOf = (path: string) =>
  posix.join(posix.dirname(path), `${posix.basename(path, posix.extname(path))}${SIDECAR}`);

/** The files the corpus reader reads: documents (by extension) and metadata sidecars. */
export async function corpusPaths(dir: string): Promise<string[]> {
  return (await listFiles(dir)).filter(
    (p) => READERS[posix.extname(p).toLowerCase()] !== undefined || p.endsWith(SIDECAR),
  );
}

/** The document's `<id>.meta.json` beside it; an invalid one is reported and ignored. */
async function readMeta(dir: string, path: string, skipped: SkippedFile[]): Promise<Meta> {
  const file = sidecarOf(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    skipped.push({ file, reason: "metadata file cannot be read, ignored" });
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    skipped.push({ file, reason: "invalid metadata, ignored: not JSON" });
    return {};
  }
  const parsed = metaSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
  skipped.push({ file, reason: `invalid metadata, ignored: ${issues.join("; ")}` });
  return {};
}

/** One document's text, or the reason it is not one. */
async function readDocument(
  bytes: Uint8Array,
  read: Reader,
  ext: string,
): Promise<string | { reason: string }> {
  try {
    const raw = await read(bytes);
    const reason = notTextReason(raw);
    return reason ? { reason } : raw;
  } catch (err) {
    // a library's own message is not a reason to show: it may carry paths or internals
    return { reason: err instanceof FormatError ? err.message : `not a readable ${ext} file` };
  }
}

/**
 * The documents of a corpus folder and its subfolders, sorted by relative path, with their
 * sidecar metadata. A document's id is its file name without the extension. Files that
 * cannot be used (unreadable, corrupt, not text, empty, an id already taken, an invalid
 * sidecar) are reported in `skipped` and the rest still load; files of other extensions
 * (images, JSON) are not documents and are passed over silently. `known` holds texts read
 * before, by the sha256 of the file's bytes: those files are not read again.
 */
export async function readCorpus(
  dir: string,
  known: ReadonlyMap<string, string> = new Map(),
): Promise<Corpus> {
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  const ids = new Map<string, string>();
  for (const path of await corpusPaths(dir)) {
    const ext = posix.extname(path).toLowerCase();
    const reader = READERS[ext];
    if (!reader) continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, path));
    } catch {
      skipped.push({ file: path, reason: "cannot be read" });
      continue;
    }
    const id = posix.basename(path, posix.extname(path));
    const taken = ids.get(id);
    if (taken) {
      skipped.push({
        file: path,
        reason: `document id "${id}" is taken by ${taken}: rename one`,
      });
      continue;
    }
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const raw = known.get(sha256) ?? (await readDocument(bytes, reader.read, ext));
    if (typeof raw !== "string") {
      skipped.push({ file: path, reason: raw.reason });
      continue;
    }
    ids.set(id, path);
    files.push({
      name: path,
      format: reader.format,
      raw,
      meta: await readMeta(dir, path, skipped),
      sha256,
    });
  }
  return { files, skipped };
}
