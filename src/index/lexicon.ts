import type { Doc, Passage } from "../ingest/types.js";
import { FILES } from "./layout.js";

/**
 * English -> Chinese lexicon, restricted to the corpus's words. Built at index time.
 * (Placeholder shape until the cross-lingual work lands: no entries.)
 */
export type Lexicon = { entries: Record<string, [string, number][]> };

export async function lexiconExtras(
  _docs: Doc[],
  _passages: Passage[],
  _userWords: string[],
): Promise<Record<string, Lexicon>> {
  return { [FILES.lexicon]: { entries: {} } };
}
