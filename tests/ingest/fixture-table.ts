/**
 * `npx tsx tests/ingest/fixture-table.ts`: every fixture report and the corpus, as ingested:
 * metadata and the counts of main parts, （N） sections, passages and passages per part, as
 * a Markdown table.
 */

import type { Ingested } from "../../src/ingest/ingest-file.js";
import { ingestCorpus, ingestFile } from "../../src/ingest/ingest-file.js";
import { fixtureReports } from "./fixture-text.js";

const MAIN = new Set(["review", "problems", "plan", "government"]);

function row({ docs, passages }: Ingested): string {
  const d = docs[0];
  if (!d) return "";
  const m = d.meta;
  const main = passages.filter((p) => MAIN.has(p.part));
  const parts = new Set(main.map((p) => p.section[0])).size;
  const sections = new Set(
    main
      .filter((p) => /^[（(]/.test(p.section[1] ?? ""))
      .map((p) => p.section.slice(0, 2).join("|")),
  ).size;
  const count = (part: string) => passages.filter((p) => p.part === part).length;
  const years = m.reviewYears ?? [];
  const review = years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0] ?? "");
  return [
    d.doc,
    m.place,
    m.level,
    m.date ?? "—",
    m.speaker ?? "—",
    m.source ?? "—",
    m.year,
    review,
    parts,
    sections,
    passages.length,
    count("problems"),
    count("government"),
    count("closing"),
    count("appendix"),
  ].join(" | ");
}

const all = (await fixtureReports()).map((f) => ingestFile(f));
all.push(await ingestCorpus("corpus"));
console.log(
  "| doc | place | level | date | speaker | source | year | review | parts | （N） | passages | problems | government | closing | appendix |",
);
console.log(`|${" --- |".repeat(15)}`);
for (const one of all) console.log(`| ${row(one)} |`);
