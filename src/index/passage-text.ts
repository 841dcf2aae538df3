import type { Passage } from "../ingest/types.js";

/** What gets indexed for a passage: its text and the topic it sits under. */
export function indexedText(p: Passage): string {
  const topic = p.section[p.section.length - 1];
  return topic && !p.text.startsWith(topic) ? `${p.text}\n${topic}` : p.text;
}
