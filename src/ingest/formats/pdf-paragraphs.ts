import { joinWrapped } from "./paragraph-lines.js";
import type { PdfLine } from "./pdf-lines.js";

/** How a PDF's lines are grouped into paragraphs (sizes in units of the line's font size). */
const PDF_PARAGRAPHS = {
  /** a vertical gap over this many times the body's usual line spacing ends a paragraph */
  paragraphGap: 1.4,
  /** a line starting this far right of the text's left edge opens a paragraph (Chinese
   * paragraphs are indented two characters) */
  indent: 0.8,
  /** a font size differing by this share from the line before starts a paragraph */
  sizeChange: 0.15,
  /** a line whose centre is this close to the text's centre is centred (titles, date lines) */
  centred: 0.5,
  /** slack at the right edge: a line ending further left than the next line's first word
   * plus this would have fitted is a paragraph's last line */
  fitSlack: 0.5,
  /** a header or footer repeats (digits aside) at the top or bottom of this share of pages */
  runningShare: 0.5,
} as const;

/** A page number standing alone: 3, - 3 -, — 3 —, 第3页, 3/10, Page 3 of 10. */
const PAGE_NUMBER =
  /^[-—–－·\s]*(?:第\s*\d{1,4}\s*页|(?:page\s*)?\d{1,4}(?:\s*(?:[/／]|of)\s*\d{1,4})?)[-—–－·\s]*$/i;
/** Characters that may not start a line: a wrapped line's first "word" carries them along. */
const NO_START = /[，。、；：！？）】」』”’%％,.;:!?)\]]/u;
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

const runningKey = (l: PdfLine) => l.text.replace(/\d+/g, "#").replace(/\s+/g, "");

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Drop page numbers and running headers or footers: the first or last lines of pages. */
function dropPageFurniture(pages: PdfLine[][]): PdfLine[][] {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const ends = new Set([lines[0], lines[lines.length - 1]].filter((l) => l !== undefined));
    for (const l of ends) counts.set(runningKey(l), (counts.get(runningKey(l)) ?? 0) + 1);
  }
  const minPages = Math.max(2, PDF_PARAGRAPHS.runningShare * pages.length);
  const furniture = (l: PdfLine) =>
    PAGE_NUMBER.test(l.text) || (counts.get(runningKey(l)) ?? 0) >= minPages;
  return pages.map((lines) =>
    lines.filter((l, i) => !((i === 0 || i === lines.length - 1) && furniture(l))),
  );
}

/** The width of the next line's first unbreakable unit: a word, or a character with the
 * punctuation that may not be parted from it. */
function firstUnitWidth(line: PdfLine): number {
  const chars = [...line.text];
  let n = 1;
  if (CJK.test(chars[0] ?? "") || NO_START.test(chars[0] ?? "")) {
    while (n < chars.length && NO_START.test(chars[n] as string)) n++;
  } else {
    while (n < chars.length && !/\s/.test(chars[n] as string) && !CJK.test(chars[n] as string)) n++;
  }
  return (n * (line.x1 - line.x0)) / chars.length;
}

type Frame = { left: number; right: number };
type Placed = { line: PdfLine; page: number; frame: Frame };

function frameOf(lines: PdfLine[]): Frame {
  return {
    left: quantile(
      lines.map((l) => l.x0),
      0.05,
    ),
    right: quantile(
      lines.map((l) => l.x1),
      0.95,
    ),
  };
}

/** Every line with its page and the text frame it is measured against. */
function place(pages: PdfLine[][]): Placed[] {
  const docFrame = frameOf(pages.flat());
  return pages.flatMap((lines, page) => {
    // a page with enough lines has its own frame: printed reports mirror their margins
    const frame = lines.length >= 8 ? frameOf(lines) : docFrame;
    return lines.map((line) => ({ line, page, frame }));
  });
}

/** The body's usual distance between baselines. */
function lineSpacing(placed: Placed[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < placed.length; i++) {
    const [a, b] = [placed[i - 1] as Placed, placed[i] as Placed];
    if (a.page === b.page) gaps.push(a.line.y - b.line.y);
  }
  return gaps.length ? quantile(gaps, 0.5) : Number.POSITIVE_INFINITY;
}

/** Does `cur` open a paragraph after `prev`? */
function opensParagraph(prev: Placed, cur: Placed, spacing: number): boolean {
  const P = PDF_PARAGRAPHS;
  const { line, frame } = cur;
  const size = line.size;
  if (prev.page === cur.page && prev.line.y - line.y > P.paragraphGap * spacing) return true;
  if (Math.abs(prev.line.size - size) > P.sizeChange * Math.max(prev.line.size, size)) return true;
  const room = prev.frame.right - prev.line.x1;
  const prevFull = room <= firstUnitWidth(line) + P.fitSlack * size;
  if (!prevFull) return true;
  const centre = (frame.left + frame.right) / 2;
  const centred = Math.abs((line.x0 + line.x1) / 2 - centre) < P.centred * size;
  // the second line of a wrapped centred title starts right of the edge, yet continues it
  return line.x0 - frame.left > P.indent * size && !centred;
}

/**
 * Lines of every page -> paragraphs. A line opens a paragraph after a wider gap than the
 * body's line spacing, at a change of font size, when the line before ended short of the
 * right edge by more than this line's first word, or when it is indented (unless it is
 * the centred rest of a full line). The wrapped lines of a paragraph are joined (no space
 * between Chinese characters), across page breaks too. Page numbers and running headers
 * and footers are dropped first.
 */
export function pdfParagraphs(pageLines: PdfLine[][]): string[] {
  const placed = place(dropPageFurniture(pageLines));
  const spacing = lineSpacing(placed);
  const paragraphs: string[][] = [];
  placed.forEach((cur, i) => {
    const prev = placed[i - 1];
    const current = paragraphs[paragraphs.length - 1];
    if (!prev || !current || opensParagraph(prev, cur, spacing)) paragraphs.push([cur.line.text]);
    else current.push(cur.line.text);
  });
  return paragraphs.map(joinWrapped).filter(Boolean);
}
