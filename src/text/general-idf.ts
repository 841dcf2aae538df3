import { idf } from "@node-rs/jieba/dict.js";

let table: Map<string, number> | undefined;

/**
 * How informative a word is in general Chinese (jieba's IDF table, bundled with the
 * package): "已经" says little, "旅客" says a lot. Parsed on first use.
 */
export function generalIdf(word: string): number | undefined {
  if (!table) {
    table = new Map();
    for (const line of Buffer.from(idf).toString("utf8").split("\n")) {
      const space = line.lastIndexOf(" ");
      if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  }
  return table.get(word);
}
