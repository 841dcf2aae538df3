import type { Passage } from "../ingest/types.js";

/** The documents by id, for the title of the report a passage comes from. */
export type Titles = ReadonlyMap<string, { title: string }>;

/**
 * A passage as the API shows it: the contract's fields in a fixed order, with the title of
 * its report (answers draw on many reports) and the part of the report it is in.
 */
export function passageFields(p: Passage, title: string) {
  return {
    id: p.id,
    doc: p.doc,
    title,
    section: p.section,
    part: p.part,
    text: p.text,
    start: p.start,
    end: p.end,
  };
}

/** A passage with its report's title looked up; a document the index lacks shows its id. */
export function passageJson(p: Passage, titles: Titles) {
  return passageFields(p, titles.get(p.doc)?.title ?? p.doc);
}

export function scoredJson(p: Passage, score: number, titles: Titles) {
  return { ...passageJson(p, titles), score };
}
