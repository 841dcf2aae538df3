import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import mammoth from "mammoth";
import type { SourceFile } from "../../src/ingest/types.js";

/** The shared real reports copied into the repository: 28 provincial .docx, 16 national .txt. */
export const FIXTURE_REPORTS = "tests/fixtures/reports";

/**
 * The text of one fixture report, as the format readers will give it: a .docx as
 * mammoth's raw text with one paragraph per line (its blank lines between paragraphs
 * collapsed), a .txt decoded from GB18030 with CRLF turned into LF.
 */
async function fixtureText(path: string): Promise<string> {
  if (path.endsWith(".docx")) {
    const { value } = await mammoth.extractRawText({ path });
    return value.replace(/\n(?:[ \t\u3000\u00a0]*\n)+/g, "\n");
  }
  return new TextDecoder("gb18030").decode(await readFile(path)).replace(/\r\n?/g, "\n");
}

/** Every fixture report as a SourceFile (no sidecars), sorted by folder and name. */
export async function fixtureReports(dir: string = FIXTURE_REPORTS): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const folder of (await readdir(dir, { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  )) {
    const names = (await readdir(join(dir, folder.name)))
      .filter((n) => /\.(docx|txt)$/.test(n))
      .sort();
    for (const name of names) {
      files.push({ name, raw: await fixtureText(join(dir, folder.name, name)), meta: {} });
    }
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
