import { readFileSync } from "node:fs";

/** Committed domain words (see domain-words.txt), read once. */
export const DOMAIN_WORDS: readonly string[] = readFileSync(
  new URL("./domain-words.txt", import.meta.url),
  "utf8",
)
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
