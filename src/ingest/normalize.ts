/**
 * Undo what newspaper extraction does to Chinese text: hard line breaks every ~20 characters,
 * blank lines that are not paragraph breaks, spaces inside figures, page markers, and
 * headings broken over two lines. Output: clean paragraphs, in order. `tidySpaces` is the
 * clean-up every paragraph of every format goes through.
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

const HEADING_BLOCK_MAX = 60;

/** A block that is a heading: "（二）…" with no full stop, or a short line with no punctuation. */
function isHeadingBlock(block: string): boolean {
  if (NUMBERED_HEADING.test(block))
    return !block.includes("。") && block.length <= HEADING_BLOCK_MAX;
  return block.length <= 24 && !/[，。！？；：,.!?;:]/.test(block);
}

/** Full-width digits, Latin letters, ％ and ＋ -> ASCII; ． between digits -> "." (not a list number "3．"). */
export function foldWidth(s: string): string {
  return s
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0b]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/(?<=\d)．(?=\d)/g, (dot, at: number, all: string) =>
      at <= 3 && /^\d{1,3}$/.test(all.slice(0, at)) ? dot : ".",
    );
}

/**
 * An ASCII "?" between Chinese characters or after Chinese punctuation is a character a
 * lossy conversion could not encode (typically a space): "国务院总理?李克强", "各位代表：?".
 */
const LOST_CHARACTER = new RegExp(
  `(?<=[${CJK}\u3000-\u303f\uff01-\uff5e])\\?(?=[${CJK}]|\\s|$)`,
  "g",
);

/** Remove the spaces extraction put inside figures and between Chinese and numbers. */
export function tidySpaces(s: string): string {
  return foldWidth(s).replace(LOST_CHARACTER, " ").replace(SPACE_IN_FIGURE, "").trim();
}

/** Join wrapped lines: nothing between CJK, digits or punctuation; a space between Latin words. */
function joinLines(lines: string[]): string {
  let out = "";
  let prev = "";
  for (const line of lines) {
    if (/[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(line)) out += " ";
    out += line;
    prev = line;
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
  // (isHeadingBlock only ever holds for short text: longer blocks are not joined to test it)
  const merged: string[][] = [];
  let prevChars = 0;
  const continues = (prev: string[]) =>
    !TERMINAL.test(prev[prev.length - 1] as string) &&
    !(prevChars <= HEADING_BLOCK_MAX && isHeadingBlock(joinLines(prev)));
  for (const lines of blocks) {
    const prev = merged[merged.length - 1];
    if (prev && continues(prev)) {
      for (const line of lines) prev.push(line);
    } else {
      merged.push(lines);
      prevChars = 0;
    }
    for (const line of lines) prevChars += line.length;
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

/** What tells newspaper extraction from text with one paragraph per line. */
const HARD_WRAP = {
  /** hard-wrapped text breaks lines mid-sentence: at most this share of its lines end one */
  maxFinishedShare: 0.5,
} as const;

/** Does this plain text look like newspaper extraction (short hard-wrapped CJK lines)? */
export function looksHardWrapped(raw: string): boolean {
  const lengths: number[] = [];
  let finished = 0;
  for (const line of raw.split("\n")) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    lengths.push(trimmed.length);
    if (TERMINAL.test(trimmed)) finished++;
  }
  // one paragraph per line: most lines end a sentence, however short they are
  if (lengths.length < 10 || finished >= lengths.length * HARD_WRAP.maxFinishedShare) return false;
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  let cjk = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) cjk++;
  }
  return median <= 40 && cjk > raw.length / 3;
}
