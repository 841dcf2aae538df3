import { tidySpaces } from "./normalize.js";
import type { Piece } from "./structure.js";

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/**
 * Markdown -> paragraphs placed under their heading path; headings are pieces of the text
 * too, never passages. Markdown carries no report parts: every piece is `body`.
 */
export function placeMarkdownParagraphs(raw: string): Piece[] {
  const out: Piece[] = [];
  const stack: { level: number; title: string }[] = [];
  const blocks = raw.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    let body: string[] = [];
    const flush = () => {
      if (body.length === 0) return;
      const text = tidySpaces(joinMarkdownLines(body));
      if (text) out.push({ text, section: stack.map((s) => s.title), part: "body", passage: true });
      body = [];
    };
    for (const line of lines) {
      const m = line.match(HEADING);
      if (!m) {
        body.push(line);
        continue;
      }
      flush();
      const level = (m[1] as string).length;
      while (stack.length && (stack[stack.length - 1] as { level: number }).level >= level) {
        stack.pop();
      }
      stack.push({ level, title: m[2] as string });
      out.push({
        text: m[2] as string,
        section: stack.map((s) => s.title),
        part: "body",
        passage: false,
      });
    }
    flush();
  }
  return out;
}

function joinMarkdownLines(lines: string[]): string {
  let out = "";
  let prev = "";
  for (const line of lines) {
    const cjkJoin =
      /[\u3400-\u9fff，。；：！？、]$/.test(prev) || /^[\u3400-\u9fff，。；：！？、]/.test(line);
    out += prev && !cjkJoin ? ` ${line}` : line;
    prev = line;
  }
  return out;
}
