/** One document of the corpus after ingestion. `text` is what offsets point into. */
export type Doc = {
  doc: string;
  title: string;
  text: string;
  /** Section paths in reading order (each path once). */
  outline: string[][];
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
