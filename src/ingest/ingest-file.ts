import { basename, extname } from "node:path";
import { docMeta } from "./doc-meta.js";
import { frontMatterLength, readFrontMatter } from "./front-matter.js";
import { placeMarkdownParagraphs } from "./markdown.js";
import { textParagraphs } from "./paragraphs.js";
import { DEFAULT_SPLIT, type SplitOptions, toPassages } from "./passages.js";
import { readCorpus } from "./read-corpus.js";
import { type Piece, placeReport } from "./structure.js";
import type { Doc, DocMeta, OutlineEntry, Paragraph, Passage, SourceFile } from "./types.js";

export type Ingested = { docs: Doc[]; passages: Passage[] };

/** One file's pieces of text in the section tree, and what is known about it. */
function readStructure(doc: string, file: SourceFile): { pieces: Piece[]; meta: DocMeta } {
  if (file.format === "md") {
    const pieces = placeMarkdownParagraphs(file.raw);
    const title = pieces.find((p) => !p.passage)?.text;
    return { pieces, meta: docMeta(doc, { title }, file.meta, {}) };
  }
  const paragraphs = textParagraphs(file.raw);
  const front = frontMatterLength(paragraphs);
  const facts = readFrontMatter(paragraphs.slice(0, front));
  const { year } = docMeta(doc, facts, file.meta, {});
  const { pieces, review } = placeReport(paragraphs, {
    front,
    startsIn: file.meta.startsIn,
    year,
  });
  return { pieces, meta: docMeta(doc, facts, file.meta, review) };
}

/** Sections in order of first appearance, each spanning all of its text. */
function outlineOf(paragraphs: Paragraph[]): OutlineEntry[] {
  const outline: OutlineEntry[] = [];
  const byPath = new Map<string, OutlineEntry>();
  for (const p of paragraphs) {
    if (!p.section.length) continue;
    const key = p.section.join("\u0000");
    const entry = byPath.get(key);
    if (entry) entry.end = p.end;
    else {
      const added = { section: p.section, start: p.start, end: p.end };
      byPath.set(key, added);
      outline.push(added);
    }
  }
  return outline;
}

/** One source file -> a document (normalized text, outline, metadata) and its passages. */
export function ingestFile(file: SourceFile, split: SplitOptions = DEFAULT_SPLIT): Ingested {
  const doc = basename(file.name, extname(file.name));
  const { pieces, meta } = readStructure(doc, file);
  const paragraphs: Paragraph[] = [];
  const body: Paragraph[] = [];
  const chunks: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (length > 0 && !piece.joined) {
      chunks.push("\n\n");
      length += 2;
    }
    const p: Paragraph = {
      text: piece.text,
      section: piece.section,
      part: piece.part,
      start: length,
      end: length + piece.text.length,
    };
    chunks.push(piece.text);
    length = p.end;
    paragraphs.push(p);
    if (piece.passage) body.push(p);
  }
  const text = chunks.join("");
  const passages = toPassages(doc, body, () => false, split);
  return {
    docs: [{ doc, title: meta.title, text, outline: outlineOf(paragraphs), meta }],
    passages,
  };
}

/** Source files -> their documents and passages, in order. */
export function ingestFiles(files: SourceFile[], split: SplitOptions = DEFAULT_SPLIT): Ingested {
  const out: Ingested = { docs: [], passages: [] };
  for (const file of files) {
    const one = ingestFile(file, split);
    for (const d of one.docs) out.docs.push(d);
    for (const p of one.passages) out.passages.push(p);
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
