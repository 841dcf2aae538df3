import { readFile } from "node:fs/promises";
import { readIndicators } from "../../figures/indicators.js";
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

/**
 * The glossary's text, read when a lexicon is built: glossary.tsv beside this file, then a
 * line for each English name of two words or more of the common indicators
 * (src/figures/indicators.tsv: "new jobs" -> 城镇新增就业|…), so that the indicators' English
 * has one home. One-word names (growth, jobs) stay out: as glossary words they would stand
 * for one indicator wherever they appear.
 */
export async function readGlossaryText(): Promise<string> {
  const own = await readFile(new URL("./glossary.tsv", import.meta.url), "utf8");
  const lines = (await readIndicators()).flatMap((i) =>
    i.en
      .filter((name) => englishTokens(name).length >= 2)
      .map((name) => `${name}\t${i.zh.join("|")}`),
  );
  return `${own}\n# the common indicators' English names (src/figures/indicators.tsv)\n${lines.join("\n")}\n`;
}
