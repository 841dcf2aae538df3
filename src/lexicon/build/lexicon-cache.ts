import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { z } from "zod";

/**
 * Files of the lexicon cache: each one is its sha256 on the first line and JSON after it,
 * written to a temporary name and renamed into place, so that a reader sees a whole file or
 * none. A file whose hash or shape does not check out is removed and made again, never used.
 */

export const sha256 = (data: string | Buffer | Uint8Array) =>
  createHash("sha256").update(data).digest("hex");

/**
 * What a cache file holds, read by `decode`; undefined when there is no file, or when its
 * hash does not match or `decode` refuses it (then it is removed).
 */
export async function readCachedText<T>(
  file: string,
  decode: (body: string) => T | undefined,
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const newline = text.indexOf("\n");
  const body = text.slice(newline + 1);
  if (newline === 64 && text.slice(0, 64) === sha256(body)) {
    try {
      const value = decode(body);
      if (value !== undefined) return value;
    } catch {
      // not what it should be: fall through and remove it
    }
  }
  await removeCached(file);
  return undefined;
}

/** A JSON value from a cache file, checked by its schema (see readCachedText). */
export const readCached = <T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> =>
  readCachedText(file, (body) => {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  });

export const removeCached = (file: string) => rm(file, { force: true });

export async function writeCachedText(file: string, body: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  await writeFile(tmp, `${sha256(body)}\n${body}`);
  await rename(tmp, file);
}

export const writeCached = (file: string, value: unknown) =>
  writeCachedText(file, JSON.stringify(value));

/** Remove the oldest files of a folder (by modification time) beyond the newest `keep`. */
export async function keepNewest(dir: string, keep: number, except: Set<string> = new Set()) {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  if (names.length <= keep) return;
  const dated = await Promise.all(
    names.map(async (n) => ({
      n,
      t: (await stat(join(dir, n)).catch(() => undefined))?.mtimeMs ?? 0,
    })),
  );
  dated.sort((a, b) => b.t - a.t);
  for (const { n } of dated.slice(keep)) {
    if (!except.has(n)) await rm(join(dir, n), { recursive: true, force: true });
  }
}
