import type { Passage } from "../ingest/types.js";

/** A passage as the API shows it: the contract's fields, in a fixed order. */
export function passageJson(p: Passage) {
  return { id: p.id, doc: p.doc, section: p.section, text: p.text, start: p.start, end: p.end };
}

export function scoredJson(p: Passage, score: number) {
  return { ...passageJson(p), score };
}
