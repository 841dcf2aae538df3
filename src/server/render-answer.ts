import type { Citation, Draft } from "../answer/types.js";
import { CITE_MARKER } from "../api-contract.js";
import { textTable } from "./text-table.js";

export type Format = "markdown" | "text";

const SENTENCE = /[^。！？；!?]+[。！？；!?]*/g;
/** A citation marker with the space before it: kept when a reply is shortened. */
const SPACED_MARKER = new RegExp(`\\s?${CITE_MARKER.source}`, "g");

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Characters of a source's quote in a reply's footer, at most: one line of a chat app. */
const QUOTE_CHARS = 80;

/** The sentence of a cited passage that the answer rests on (most shared character pairs). */
function quoteFor(answer: string, c: Citation, max = QUOTE_CHARS): string {
  const want = bigrams(answer);
  let best = c.text;
  let score = -1;
  for (const s of c.text.match(SENTENCE) ?? [c.text]) {
    let n = 0;
    for (const b of bigrams(s)) if (want.has(b)) n++;
    if (n > score) {
      score = n;
      best = s;
    }
  }
  best = best.trim();
  return best.length > max ? `${best.slice(0, max - 1)}…` : best;
}

/** "Sources:" lines: [n] 《report title》 section path: “quote”. */
function sourcesFooter(d: Draft, language: "zh" | "en"): string {
  if (!d.citations.length) return "";
  const title = language === "zh" ? "来源：" : "Sources:";
  const lines = d.citations.map((c) => {
    const path = c.section.join(" › ");
    const where = c.title ? `《${c.title}》${path ? ` ${path}` : ""}` : path || c.doc;
    return `[${c.n}] ${where}: “${quoteFor(d.answer, c)}”`;
  });
  return `${title}\n${lines.join("\n")}`;
}

/** Sentences with what ends them: 。！？ always, "." only before a space or the end (not 5.5). */
const SENTENCE_END = /(?<=[。！？!?])|(?<=\.)(?=\s|$)/;

/**
 * Shorten to about maxChars at a sentence end. When even the first sentence is longer, it
 * is cut at a clause boundary (never inside a figure) and keeps its [n] markers.
 */
export function capLength(text: string, maxChars?: number): string {
  if (!maxChars || text.length <= maxChars) return text;
  let out = "";
  for (const s of text.split(SENTENCE_END)) {
    if (out && out.length + s.length > maxChars) break;
    out += s;
  }
  if (out.length <= maxChars) return out.trim();
  const markers = (out.match(SPACED_MARKER) ?? []).join("");
  const room = maxChars - markers.length - 1;
  const cut = Math.max(
    out.lastIndexOf("，", room),
    out.lastIndexOf(", ", room),
    out.lastIndexOf("、", room),
  );
  const head = out.slice(0, cut > 0 ? cut : Math.max(0, room)).replace(SPACED_MARKER, "");
  return `${head}…${markers}`;
}

/** A reply cut after each sentence and line break: the pieces a bot's stream carries. */
export function replyPieces(text: string): string[] {
  return text.split(/(?<=[。！？\n])|(?<=[.!?])(?=\s)/).filter(Boolean);
}

/**
 * The answer as a chat reply: markdown keeps the answer as it is (its [n] markers) with a
 * sources list; text is the same with numbered footnotes, for apps that render no Markdown,
 * and a table answer's rows as aligned lines.
 */
export function renderReply(d: Draft, format: Format, maxChars?: number): string {
  const text = format === "text" && d.table ? textTable(d.answer, d.table) : d.answer;
  const body = capLength(text, maxChars);
  const footer = sourcesFooter(d, d.language);
  if (!footer) return body;
  if (format === "text") return `${body}\n\n${footer}`;
  const items = footer.split("\n");
  return `${body}\n\n**${items[0]}**\n\n${items
    .slice(1)
    .map((l) => `- ${l}`)
    .join("\n")}`;
}
