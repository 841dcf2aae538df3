import { readFile } from "node:fs/promises";
import { englishTokens, phraseKey } from "../../text/english.js";

/**
 * The glossary (glossary.tsv beside this file): names and government-report vocabulary that
 * CC-CEDICT lacks or words differently. One line: English, a tab, Chinese alternatives
 * separated by "|". Returns [English key, Chinese words][].
 */
export function parseGlossary(text: string): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [en, zh] = line.split("\t");
    const words = englishTokens(en ?? "");
    const alts = (zh ?? "")
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
    if (words.length && alts.length) out.push([phraseKey(words), alts]);
  }
  return out;
}

/** The glossary's text (glossary.tsv beside this file), read when a lexicon is built. */
export const readGlossaryText = (): Promise<string> =>
  readFile(new URL("./glossary.tsv", import.meta.url), "utf8");
