import {
  ADDRESS,
  BARE_ADDRESS,
  continuesHeading,
  isAppendixMarker,
  isPartLine,
  opensWithOrdinal,
  ordinalHeading,
  partHeading,
  sectionHeading,
} from "./headings.js";

/**
 * Where the stretches of a report begin and end, found before it is read paragraph by
 * paragraph: broken headings joined, the appendices, the closing remarks, the last task.
 */

/** "三、持续提升政府" + "治理效能和服务水平" -> one heading. */
export function joinBrokenHeadings(paragraphs: string[], from: number): string[] {
  const out = paragraphs.slice(0, from);
  for (let i = from; i < paragraphs.length; i++) {
    const p = paragraphs[i] as string;
    const next = paragraphs[i + 1];
    if (next !== undefined && continuesHeading(p, next)) {
      out.push(p + next);
      i++;
    } else out.push(p);
  }
  return out;
}

/**
 * Where the appendices start: an appendix marker ("附件", "名词解释"), or a numbered part
 * that starts its numbers again after the speaker has closed ("各位代表！…", "让我们…").
 */
export function appendixStart(paragraphs: string[], from: number): number {
  let last = 0;
  let closed = false;
  for (let i = from; i < paragraphs.length; i++) {
    const p = paragraphs[i] as string;
    if (isAppendixMarker(p)) return i;
    const h = partHeading(p);
    if (h && h.num > 0) {
      if (last > 0 && h.num <= last && closed) return i;
      if (h.num > last) last = h.num;
      closed = false;
    } else if (ADDRESS.test(p) || BARE_ADDRESS.test(p) || /^让我们/.test(p)) closed = true;
  }
  return paragraphs.length;
}

const isHeadingLike = (p: string) =>
  Boolean(partHeading(p) || sectionHeading(p) || isPartLine(p) || ordinalHeading(p));

/**
 * Where the closing remarks start: the last address to the deputies with no heading after
 * it, or else a last paragraph that begins "让我们…".
 */
export function closingStart(paragraphs: string[], from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) {
    const p = paragraphs[i] as string;
    if (isHeadingLike(p)) break;
    if (ADDRESS.test(p) || BARE_ADDRESS.test(p)) return i;
  }
  const last = paragraphs[end - 1];
  return last !== undefined && end - 1 >= from && /^让我们/.test(last) ? end - 1 : end;
}

/** The last numbered heading before the closing: after it the plan's tasks are done. */
export function lastSectionHeading(paragraphs: string[], from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) {
    const p = paragraphs[i] as string;
    if (partHeading(p) || sectionHeading(p)) return i;
  }
  return from - 1;
}

/** An ordinal line heads what follows when a paragraph of body text follows it. */
export function headsNext(next: string | undefined): boolean {
  return (
    next !== undefined &&
    !opensWithOrdinal(next) &&
    !isHeadingLike(next) &&
    !BARE_ADDRESS.test(next) &&
    !ADDRESS.test(next)
  );
}
