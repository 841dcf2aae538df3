/**
 * Undo what newspaper extraction does to Chinese text: hard line breaks every ~20 characters,
 * blank lines that are not paragraph breaks, spaces inside figures, page markers, and
 * headings broken over two lines. Output: clean paragraphs, in order.
 */

const PAGE_MARKER = /紧[接转]\s*\d+\s*版/g;
const TERMINAL = /[。！？!?；;：:…”」』）)]$/;
const NUMBERED_HEADING = /^[（(][一二三四五六七八九十]+[）)]/;
const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const SPACE_IN_FIGURE = new RegExp(
  `(?<=[0-9${CJK}%％.])[ \\t\\u00a0\\u3000]+(?=[0-9${CJK}%％])|(?<=[${CJK}])[ \\t\\u00a0\\u3000]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])[ \\t\\u00a0\\u3000]+(?=[${CJK}])`,
  "g",
);

/** A short sentence with no comma that opens a paragraph: "先进制造业提档升级。" */
export const LEAD_SENTENCE = /^[^，,。！？；：\s]{4,16}。/;

/** A block that is a heading: "（二）…" with no full stop, or a short line with no punctuation. */
export function isHeadingBlock(block: string): boolean {
  if (NUMBERED_HEADING.test(block)) return !block.includes("。") && block.length <= 60;
  return block.length <= 24 && !/[，。！？；：,.!?;:]/.test(block);
}

/** Remove the spaces extraction put inside figures and between Chinese and numbers. */
export function tidySpaces(s: string): string {
  return s.replace(SPACE_IN_FIGURE, "").trim();
}

/** Join wrapped lines: nothing between CJK, digits or punctuation; a space between Latin words. */
function joinLines(lines: string[]): string {
  let out = "";
  for (const line of lines) {
    if (out && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(line)) out += " ";
    out += line;
  }
  return out;
}

/**
 * Split a block's lines where a new paragraph starts without a blank line: a numbered
 * heading at a line start, or a lead sentence right after a line that ended a sentence.
 */
function splitHiddenParagraphs(lines: string[]): string[][] {
  const groups: string[][] = [[]];
  for (const line of lines) {
    const current = groups[groups.length - 1] as string[];
    const prev = current[current.length - 1];
    const startsNew =
      prev !== undefined &&
      (NUMBERED_HEADING.test(line) || (/[。！？]$/.test(prev) && LEAD_SENTENCE.test(line)));
    if (startsNew) groups.push([line]);
    else current.push(line);
  }
  return groups.filter((g) => g.length > 0);
}

/** Newspaper-extracted plain text -> paragraphs (headings are paragraphs of their own). */
export function newspaperParagraphs(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, "\n").replace(PAGE_MARKER, "\n");
  const blocks = text
    .split(/\n[ \t\u3000]*\n/)
    .map((b) =>
      b
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);

  // A blank line is a paragraph break only after a finished sentence or a heading.
  const merged: string[][] = [];
  for (const lines of blocks) {
    const prev = merged[merged.length - 1];
    const prevText = prev ? joinLines(prev) : "";
    if (prev && !TERMINAL.test(prevText) && !isHeadingBlock(prevText)) prev.push(...lines);
    else merged.push([...lines]);
  }

  const paragraphs: string[] = [];
  for (const lines of merged) {
    for (const group of splitHiddenParagraphs(lines)) {
      const p = tidySpaces(joinLines(group));
      if (p) paragraphs.push(p);
    }
  }
  return paragraphs;
}

/** Does this plain text look like newspaper extraction (short hard-wrapped CJK lines)? */
export function looksHardWrapped(raw: string): boolean {
  const lines = raw.split("\n").filter((l) => l.trim().length > 0);
  if (lines.length < 10) return false;
  const lengths = lines.map((l) => l.trim().length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const cjk = (raw.match(new RegExp(`[${CJK}]`, "g")) ?? []).length;
  return median <= 40 && cjk > raw.length / 3;
}
