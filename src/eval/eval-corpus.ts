import { mkdir, readdir, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The folders whose reports make the many-report corpus: the project's corpus and the fixtures. */
export const MANY_REPORTS = ["corpus", "tests/fixtures/reports"];

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) {
    const src = resolve(from, e.name);
    if (e.isDirectory()) await linkTree(src, join(to, e.name));
    else if (e.isFile()) await symlink(src, join(to, e.name));
  }
}

/**
 * One folder that holds every report of `dirs` (as links, so nothing is copied): the
 * corpus the many-report evaluation and benches run on. Same folders, same folder.
 */
export async function combinedCorpus(
  dirs: string[] = MANY_REPORTS,
  name = "report-qa-45",
): Promise<string> {
  const out = join(tmpdir(), name);
  await rm(out, { recursive: true, force: true });
  for (const [i, d] of dirs.entries()) await linkTree(d, join(out, `${i}`));
  return out;
}
