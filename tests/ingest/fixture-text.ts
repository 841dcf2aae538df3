import { readCorpus } from "../../src/ingest/read-corpus.js";
import type { SourceFile } from "../../src/ingest/types.js";

/** The shared real reports copied into the repository: 28 provincial .docx, 16 national .txt. */
export const FIXTURE_REPORTS = "tests/fixtures/reports";

/** Every fixture report as the corpus reader reads it (its format readers), sorted by name. */
export async function fixtureReports(dir: string = FIXTURE_REPORTS): Promise<SourceFile[]> {
  const { files } = await readCorpus(dir);
  return files.sort((a, b) => a.name.localeCompare(b.name));
}
