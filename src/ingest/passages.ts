import { createHash } from "node:crypto";
import type { Paragraph, Passage } from "./types.js";

export type SplitOptions = { targetChars: number; maxChars: number };
export const DEFAULT_SPLIT: SplitOptions = { targetChars: 160, maxChars: 260 };

/** Sentence ends: 。！？；!? and a following closing quote or bracket. */
const SENTENCE = /[^。！？；!?]*(?:[。！？；!?]+[”’」』）)]*|$)/g;
const CLAUSE = /[^，,、]*(?:[，,、]|$)/g;

function pieces(text: string, re: RegExp): string[] {
  return (text.match(re) ?? []).filter((s) => s.length > 0);
}

/** How a paragraph made of list items ("一是…二是…", "第三，…", "——…") is cut into passages. */
const LIST_CUTS = {
  /**
   * A passage this share of the target long ends before the next list item instead of
   * growing into it; and a passage that reaches the target inside an item runs on to the
   * item's end when that stays within the maximum, so items are not cut in two.
   */
  minShare: 0.75,
} as const;

/** A sentence that starts a list item. */
const LIST_ITEM =
  /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]|其[一二三四五六七八九十][，、]|——|[（(][0-9一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))/;

type Unit = { text: string; item: boolean };

/**
 * Split one paragraph into [start, end) spans of whole sentences near the target size,
 * never longer than maxChars: a longer sentence is cut at clause marks, and a clause
 * still too long (text without punctuation) at white space or at maxChars.
 */
export function splitSpans(text: string, opts: SplitOptions = DEFAULT_SPLIT): [number, number][] {
  const units: Unit[] = [];
  for (const sentence of pieces(text, SENTENCE)) {
    const item = LIST_ITEM.test(sentence);
    if (sentence.length <= opts.maxChars) units.push({ text: sentence, item });
    else
      packClauses(sentence, opts.maxChars).forEach((c, i) => {
        units.push({ text: c, item: item && i === 0 });
      });
  }
  // toItemEnd[i]: the length from unit i to the start of the next list item (or the end)
  const toItemEnd = new Array<number>(units.length).fill(0);
  for (let i = units.length - 1; i >= 0; i--) {
    const next = units[i + 1];
    toItemEnd[i] =
      (units[i] as Unit).text.length + (next && !next.item ? (toItemEnd[i + 1] as number) : 0);
  }
  const spans: [number, number][] = [];
  let start = 0;
  let len = 0;
  let inItem = false;
  units.forEach((unit, i) => {
    const over = len + unit.text.length;
    let cut = false;
    if (len > 0) {
      const full = over > opts.targetChars && len >= opts.targetChars / 2;
      if (over > opts.maxChars) cut = true;
      else if (unit.item) cut = full || len >= opts.targetChars * LIST_CUTS.minShare;
      else if (full) cut = !(inItem && len + (toItemEnd[i] as number) <= opts.maxChars);
    }
    if (cut) {
      spans.push([start, start + len]);
      start += len;
      len = 0;
    }
    if (unit.item) inItem = true;
    len += unit.text.length;
  });
  if (len > 0) {
    const last = spans[spans.length - 1];
    // a tiny tail joins the span before it when that stays within max
    if (last && len < opts.targetChars * 0.3 && last[1] - last[0] + len <= opts.maxChars)
      last[1] += len;
    else spans.push([start, start + len]);
  }
  return spans;
}

/**
 * A clause longer than max (a line without punctuation) in pieces of at most max: cut
 * after the last white space in the piece's second half when there is one, else at max,
 * never between the two halves of a surrogate pair.
 */
function cutLong(clause: string, max: number): string[] {
  const out: string[] = [];
  let rest = clause;
  while (rest.length > max) {
    const space = rest.slice(0, max).search(/\s\S*$/);
    let at = space >= max / 2 ? space + 1 : max;
    const code = rest.charCodeAt(at - 1);
    if (at > 1 && code >= 0xd800 && code <= 0xdbff) at--;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) out.push(rest);
  return out;
}

/** A sentence longer than max -> runs of whole clauses, each at most max long. */
function packClauses(sentence: string, max: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const clause of pieces(sentence, CLAUSE).flatMap((c) => cutLong(c, max))) {
    if (cur && cur.length + clause.length > max) {
      out.push(cur);
      cur = "";
    }
    cur += clause;
  }
  if (cur) out.push(cur);
  return out;
}

function passageId(doc: string, text: string, seen: Map<string, number>): string {
  const hash = createHash("sha1").update(doc).update("\0").update(text).digest("hex").slice(0, 10);
  const n = seen.get(hash) ?? 0;
  seen.set(hash, n + 1);
  return `${doc}:${hash}${n ? `-${n}` : ""}`;
}

/** Paragraphs of one document -> passages (ids stable for the same text). */
export function toPassages(
  doc: string,
  paragraphs: Paragraph[],
  isHeading: (p: Paragraph) => boolean,
  opts: SplitOptions = DEFAULT_SPLIT,
): Passage[] {
  const seen = new Map<string, number>();
  const out: Passage[] = [];
  for (const p of paragraphs) {
    if (isHeading(p)) continue;
    for (const [s, e] of splitSpans(p.text, opts)) {
      // offsets exclude leading/trailing whitespace so that text === slice
      let a = s;
      let b = e;
      while (a < b && /\s/.test(p.text[a] as string)) a++;
      while (b > a && /\s/.test(p.text[b - 1] as string)) b--;
      if (a === b) continue;
      const text = p.text.slice(a, b);
      out.push({
        id: passageId(doc, text, seen),
        doc,
        section: p.section,
        part: p.part,
        text,
        start: p.start + a,
        end: p.start + b,
      });
    }
  }
  return out;
}
