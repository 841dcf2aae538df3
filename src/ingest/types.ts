import { z } from "zod";

/** The level of government a report is delivered at. */
export type Level = "national" | "province" | "city" | "district";
const LEVELS = ["national", "province", "city", "district"] as const;

/**
 * What part of a government work report a paragraph belongs to:
 * front matter (title, source, date, speaker lines: metadata, never passages), the review
 * of the past year(s), the problems paragraph (shortcomings, never evidence of an
 * achievement), the plan (targets and tasks), government self-improvement, the closing
 * remarks, an appendix (livelihood projects, a glossary); `body` when the text has no
 * report structure to tell.
 */
export type Part =
  | "front"
  | "review"
  | "problems"
  | "plan"
  | "government"
  | "closing"
  | "appendix"
  | "body";

/** What is known about a document: from its front matter, its title, or its sidecar. */
export type DocMeta = {
  title: string;
  /** the place the report is about, as the report names it: 四川省, 北京市, 全国, 成都市 */
  place?: string;
  level?: Level;
  /** the date it was delivered, yyyy-mm-dd */
  date?: string;
  /** the speaker line: 国务院总理 李克强 */
  speaker?: string;
  /** the source line's value: 北京日报 */
  source?: string;
  /** the year the report is delivered in (and plans for) */
  year?: number;
  /** the years its review covers: [2024], or [2013, 2014, 2015, 2016, 2017] for 过去五年 */
  reviewYears?: number[];
  /** the year its plan is for */
  planYear?: number;
};

/** One document of the corpus after ingestion. `text` is what offsets point into. */
export type Doc = {
  doc: string;
  title: string;
  text: string;
  /** Sections in reading order, each with the span of text it covers. */
  outline: OutlineEntry[];
  meta: DocMeta;
};

export type Passage = {
  id: string;
  doc: string;
  section: string[];
  text: string;
  start: number;
  end: number;
  part: Part;
};

/** A paragraph of the normalized text with its place in the section tree. */
export type Paragraph = {
  text: string;
  section: string[];
  part: Part;
  start: number;
  end: number;
};

/** A section of a document: its heading path and [start, end) in the document text. */
export type OutlineEntry = { section: string[]; start: number; end: number };

/**
 * Optional `<doc>.meta.json` beside a document: anything the text does not say or says
 * wrongly (title, place, level, date, speaker, years), and, for an excerpt that begins
 * mid-document, the section path in force at its top (`startsIn`).
 */
export const metaSchema = z.object({
  title: z.string().min(1).optional(),
  startsIn: z.array(z.string().min(1)).optional(),
  place: z.string().min(1).optional(),
  level: z.enum(LEVELS).optional(),
  date: z.iso.date().optional(),
  speaker: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  year: z.number().int().min(1900).max(2100).optional(),
  reviewYears: z.array(z.number().int().min(1900).max(2100)).min(1).optional(),
  planYear: z.number().int().min(1900).max(2100).optional(),
});
export type Meta = z.infer<typeof metaSchema>;

/** The file formats the corpus reader understands. */
export type Format = "txt" | "md" | "docx" | "html" | "pdf";

/**
 * A corpus file as read: its path relative to the corpus folder (the document id is its
 * file name without the extension), its format, its text and its sidecar metadata.
 * `raw` is Unicode text with `\n` line ends. For docx, html and pdf it holds one paragraph
 * per line (blank lines may separate paragraphs); txt and md are as decoded.
 */
export type SourceFile = {
  name: string;
  format: Format;
  raw: string;
  meta: Meta;
  /** the sha256 of the file's bytes, when it was read from a folder */
  sha256?: string;
};

/** A corpus file that was not used (its path relative to the corpus folder), and why. */
export type SkippedFile = { file: string; reason: string };

/** What the corpus reader found: the readable documents and the files it had to skip. */
export type Corpus = { files: SourceFile[]; skipped: SkippedFile[] };
