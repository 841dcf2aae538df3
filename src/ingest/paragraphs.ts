import { looksHardWrapped, newspaperParagraphs, tidySpaces } from "./normalize.js";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A line that finishes a sentence or a list lead ("…如下：") */
const ENDS_SENTENCE = /[。！？!?；;：:…”」』）)]$/;
const SENTENCE_MARK = /[，。！？；：,.!?;:]/;

/** How lines of plain text are read as paragraphs. */
export const PARAGRAPHS = {
  /**
   * A line this short with no sentence punctuation is a heading or a front-matter line
   * (title, speaker) inside a block: it stands alone and is never joined to its
   * neighbours. Longer unpunctuated lines in a block are wrapped prose.
   */
  headingLineChars: 40,
} as const;

const isHeadingLine = (line: string) =>
  line.length <= PARAGRAPHS.headingLineChars && !SENTENCE_MARK.test(line);

/**
 * Lines of one blank-line block -> paragraphs. In Chinese text a line that ends a sentence,
 * or is a heading, ends its paragraph (a heading is never fused with the sentence after
 * it); other line breaks are wraps. Latin prose is wrapped text: its lines are joined.
 */
function blockParagraphs(lines: string[], cjk: boolean): string[] {
  if (!cjk) return [lines.join(" ")];
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    let text = "";
    let prev = "";
    for (const line of current) {
      text += /[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(line) ? ` ${line}` : line;
      prev = line;
    }
    if (text) out.push(text);
    current = [];
  };
  for (const line of lines) {
    const last = current[current.length - 1];
    // (a paragraph of several lines is no heading: only a single line is tested as one)
    const ended =
      last !== undefined &&
      (ENDS_SENTENCE.test(last) || (current.length === 1 && isHeadingLine(last)));
    if (ended || (last !== undefined && isHeadingLine(line))) flush();
    current.push(line);
  }
  flush();
  return out;
}

/**
 * The paragraphs of a plain-text document. Newspaper extraction (short hard-wrapped lines)
 * is repaired; otherwise blank lines separate paragraphs when the text has them, and each
 * line is a paragraph when it has none (the way Word exports and many .txt reports come).
 */
export function textParagraphs(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, "\n");
  if (looksHardWrapped(text)) return newspaperParagraphs(text);
  const cjk = CJK.test(text.slice(0, 2000));
  const blocks = text.split(/\n[ \t\u3000\u00a0]*\n/);
  const out: string[] = [];
  for (const block of blocks) {
    const lines: string[] = [];
    for (const line of block.split("\n")) {
      const tidy = tidySpaces(line);
      if (tidy) lines.push(tidy);
    }
    if (lines.length === 0) continue;
    if (blocks.length === 1) for (const line of lines) out.push(line);
    else for (const p of blockParagraphs(lines, cjk)) out.push(tidySpaces(p));
  }
  return out;
}
