import { tidySpaces } from "./normalize.js";
import type { Placed } from "./structure.js";

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Markdown -> paragraphs placed under their heading path; headings are paragraphs too. */
export function placeMarkdownParagraphs(raw: string): Placed[] {
  const out: Placed[] = [];
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
      out.push({ text: tidySpaces(joinMarkdownLines(body)), section: stack.map((s) => s.title) });
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
      out.push({ text: m[2] as string, section: stack.map((s) => s.title) });
    }
    flush();
  }
  return out;
}

function joinMarkdownLines(lines: string[]): string {
  let out = "";
  for (const line of lines) {
    const cjkJoin =
      /[\u3400-\u9fff，。；：！？、]$/.test(out) || /^[\u3400-\u9fff，。；：！？、]/.test(line);
    out += out && !cjkJoin ? ` ${line}` : line;
  }
  return out;
}
