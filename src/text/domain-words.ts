import { readFileSync } from "node:fs";

let words: readonly string[] | undefined;

/** Committed domain words (see domain-words.txt), read on first use and kept. */
export function domainWords(): readonly string[] {
  words ??= readFileSync(new URL("./domain-words.txt", import.meta.url), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  return words;
}
