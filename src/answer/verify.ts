import { type Figure, findFigures, sameFigure } from "../text/numbers.js";
import type { Citation } from "./types.js";

export type Verification = {
  /** the answer with markers that name no citation removed */
  text: string;
  droppedMarkers: number[];
  /** figures of the answer that none of the passages cited beside them holds */
  unsupportedFigures: string[];
  /** markers that remain, in order of first use */
  used: number[];
  ok: boolean;
};

const MARKER = /\s?\[(\d+)\]/g;

/**
 * Figures a citation vouches for: those in its text, plus the years in its section path,
 * its report's title and the years that report reviews and plans.
 */
function figuresOf(c: Citation): Figure[] {
  const years = (c.years ?? []).map((y) => ({
    raw: String(y),
    value: y,
    percent: false,
    index: 0,
  }));
  return [
    ...findFigures(c.text),
    ...findFigures(c.section.join(" ")),
    ...findFigures(c.title ?? ""),
    ...years,
  ];
}

/**
 * The citation checks every answer passes, extractive or model-written:
 * every [n] names a returned citation (others are removed), and every figure in a
 * sentence appears in a passage that sentence cites (or, uncited, in any citation).
 */
export function verifyAnswer(
  answer: string,
  citations: Citation[],
  /** figures the answer may state without a passage: the question's own, said back to it */
  allowed: Figure[] = [],
): Verification {
  const byN = new Map(citations.map((c) => [c.n, c]));
  const droppedMarkers: number[] = [];
  const text = answer.replace(MARKER, (m, n: string) => {
    if (byN.has(Number(n))) return m;
    droppedMarkers.push(Number(n));
    return "";
  });
  const used: number[] = [];
  const unsupportedFigures: string[] = [];
  // sentences end at 。！？ or at . ! ? followed by a space or the end (not inside 1.3)
  for (const sentence of text.split(/(?<=[。！？])|(?<=[.!?])(?=\s|$)/)) {
    const cited = [...sentence.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    for (const n of cited) if (!used.includes(n)) used.push(n);
    const sources = (cited.length ? cited.map((n) => byN.get(n)) : citations).filter(
      (c): c is Citation => c !== undefined,
    );
    const plain = sentence.replace(/\[\d+\]/g, "");
    const vouched = sources.flatMap(figuresOf);
    for (const f of findFigures(plain)) {
      if (!vouched.some((v) => sameFigure(v, f)) && !allowed.some((a) => sameFigure(a, f)))
        unsupportedFigures.push(f.raw);
    }
  }
  return {
    text,
    droppedMarkers,
    unsupportedFigures,
    used,
    ok: unsupportedFigures.length === 0 && used.length > 0,
  };
}
