/** One text run of a PDF page: its string, baseline origin, advance width and font size. */
export type PdfItem = { str: string; x: number; y: number; width: number; size: number };

/** One rebuilt line of a page. */
export type PdfLine = { text: string; x0: number; x1: number; y: number; size: number };

/** How text runs are put back into lines. */
const PDF_LINES = {
  /** runs whose baselines differ by less than this share of the font size share a line */
  sameLine: 0.5,
  /** a gap wider than this share of the font size between two runs is a space between
   * Latin words; between Chinese characters it takes a whole character's width */
  wordGap: 0.25,
} as const;

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function joinRuns(runs: PdfItem[]): PdfLine {
  const first = runs[0] as PdfItem;
  let text = "";
  let x1 = first.x;
  let size = 0;
  for (const run of runs) {
    size = Math.max(size, run.size);
    const gap = run.x - x1;
    const before = text.slice(-1);
    const after = run.str[0] ?? "";
    const spaced = /\s/.test(before) || /\s/.test(after);
    const cjk = CJK.test(before) || CJK.test(after);
    if (text && !spaced && gap > run.size * (cjk ? 1 : PDF_LINES.wordGap)) text += " ";
    text += run.str;
    x1 = Math.max(x1, run.x + run.width);
  }
  return { text: text.replace(/\s+/g, " ").trim(), x0: first.x, x1, y: first.y, size };
}

/** A page's text runs -> its lines, top to bottom, each read left to right. */
export function pageLines(items: PdfItem[]): PdfLine[] {
  const runs = items.filter((i) => i.str.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  for (const run of runs) {
    const group = groups[groups.length - 1];
    const head = group?.[0];
    if (
      group &&
      head &&
      Math.abs(head.y - run.y) < PDF_LINES.sameLine * Math.max(head.size, run.size)
    )
      group.push(run);
    else groups.push([run]);
  }
  return groups.map((g) => joinRuns(g.sort((a, b) => a.x - b.x))).filter((l) => l.text !== "");
}
