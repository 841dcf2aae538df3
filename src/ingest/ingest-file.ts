import { basename, extname } from "node:path";
import { placeMarkdownParagraphs } from "./markdown.js";
import { looksHardWrapped, newspaperParagraphs, tidySpaces } from "./normalize.js";
import { DEFAULT_SPLIT, type SplitOptions, toPassages } from "./passages.js";
import { readCorpus } from "./read-corpus.js";
import { hasReportStructure, type Placed, placeReportParagraphs } from "./structure.js";
import type { Doc, OutlineEntry, Paragraph, Passage, SourceFile } from "./types.js";

export type Ingested = { docs: Doc[]; passages: Passage[] };

/** Paragraphs of one file, placed in its section tree. */
function placeParagraphs(file: SourceFile): Placed[] {
  if (extname(file.name).toLowerCase() === ".md") return placeMarkdownParagraphs(file.raw);
  const paragraphs = looksHardWrapped(file.raw)
    ? newspaperParagraphs(file.raw)
    : file.raw
        .replace(/\r\n?/g, "\n")
        .split(/\n\s*\n/)
        .map((p) => tidySpaces(p.replace(/\s*\n\s*/g, " ")))
        .filter(Boolean);
  if (hasReportStructure(paragraphs) || file.meta.startsIn) {
    return placeReportParagraphs(paragraphs, file.meta.startsIn);
  }
  return paragraphs.map((text) => ({ text, section: [] }));
}

/** The part a top-level heading names (until the section tree gives every paragraph its part). */
const interimPart = (top: string) =>
  /回顾/.test(top) ? "review" : /安排|计划|建议|任务/.test(top) ? "plan" : "body";

const sameSection = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** One source file -> a document (normalized text, outline) and its passages. */
export function ingestFile(file: SourceFile, split: SplitOptions = DEFAULT_SPLIT): Ingested {
  const doc = basename(file.name, extname(file.name));
  const placed = placeParagraphs(file);
  const paragraphs: Paragraph[] = [];
  let text = "";
  for (const p of placed) {
    if (text) text += "\n\n";
    paragraphs.push({
      ...p,
      part: p.part ?? interimPart(p.section[0] ?? ""),
      start: text.length,
      end: text.length + p.text.length,
    });
    text += p.text;
  }
  const outline: OutlineEntry[] = [];
  for (const p of paragraphs) {
    if (!p.section.length) continue;
    const entry = outline.find((o) => sameSection(o.section, p.section));
    if (entry) entry.end = p.end;
    else outline.push({ section: p.section, start: p.start, end: p.end });
  }
  // A paragraph that is exactly its own section's last heading carries no body text.
  const isHeading = (p: Paragraph) => {
    const last = p.section[p.section.length - 1];
    return last !== undefined && p.text.replace(/[。：:]$/, "") === last;
  };
  const passages = toPassages(doc, paragraphs, isHeading, split);
  const title = file.meta.title ?? placed.find((p) => p.section.length)?.section[0] ?? doc;
  const year = Number(title.match(/(?:19|20)\d{2}/)?.[0]) || undefined;
  const place = title.match(/^(.+?[省市区])(?=(?:19|20)\d{2})/)?.[1];
  const meta = { place, level: place ? ("city" as const) : undefined, year, ...file.meta, title };
  return { docs: [{ doc, title, text, outline, meta }], passages };
}

/** Source files -> their documents and passages, in order. */
export function ingestFiles(files: SourceFile[], split: SplitOptions = DEFAULT_SPLIT): Ingested {
  const out: Ingested = { docs: [], passages: [] };
  for (const file of files) {
    const one = ingestFile(file, split);
    out.docs.push(...one.docs);
    out.passages.push(...one.passages);
  }
  return out;
}

/** Every document of a corpus folder, ingested. */
export async function ingestCorpus(
  dir: string,
  split: SplitOptions = DEFAULT_SPLIT,
): Promise<Ingested> {
  return ingestFiles((await readCorpus(dir)).files, split);
}
