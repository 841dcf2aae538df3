/** One document of the corpus after ingestion. `text` is what offsets point into. */
export type Doc = {
  doc: string;
  title: string;
  text: string;
  /** Sections in reading order, each with the span of text it covers. */
  outline: OutlineEntry[];
};

export type Passage = {
  id: string;
  doc: string;
  section: string[];
  text: string;
  start: number;
  end: number;
};

/** A paragraph of the normalized text with its place in the section tree. */
export type Paragraph = { text: string; section: string[]; start: number; end: number };

/** A section of a document: its heading path and [start, end) in the document text. */
export type OutlineEntry = { section: string[]; start: number; end: number };
