import { isHeadingBlock, LEAD_SENTENCE } from "./normalize.js";
import type { Part } from "./types.js";

/** A paragraph of body text placed in the document's section tree. */
export type Placed = { text: string; section: string[]; part?: Part };

const NUMBERED = /^[（(][一二三四五六七八九十]+[）)]/;
const PART = /^[一二三四五六七八九十]+、/;
/** A lead clause that introduces a list: "今年全市经济社会发展的主要预期目标是：" */
const LEAD_COLON = /^[^，,。！？；：\s]{4,30}：/;
/** A salutation that opens the closing remarks of a part of a government report. */
const ADDRESS = /^各位代表[！!]/;
export const CLOSING_SECTION = "结语";

const trimEnd = (s: string) => s.replace(/[。：:，,\s]+$/, "");

/**
 * Place the paragraphs of a government work report in its section tree:
 *   part ("2024年工作安排建议", "一、…") > numbered section ("（一）…") > lead topic ("…。").
 * `startsIn` is the path in force at the top of an excerpt that begins mid-document.
 * Heading paragraphs are returned too (with their own path) so that no text is lost.
 */
export function placeReportParagraphs(paragraphs: string[], startsIn: string[] = []): Placed[] {
  let part = startsIn[0];
  let numbered = startsIn[1];
  const out: Placed[] = [];
  const path = (...rest: (string | undefined)[]) =>
    [part, numbered, ...rest].filter((x): x is string => Boolean(x));

  for (const text of paragraphs) {
    if (NUMBERED.test(text)) {
      const stop = text.indexOf("。");
      const heading = stop === -1 ? text : text.slice(0, stop);
      numbered = trimEnd(heading);
      out.push({ text, section: path() });
      continue;
    }
    if (PART.test(text) || (isHeadingBlock(text) && !LEAD_SENTENCE.test(text))) {
      part = trimEnd(text);
      numbered = undefined;
      out.push({ text, section: path() });
      continue;
    }
    if (ADDRESS.test(text)) {
      numbered = CLOSING_SECTION;
      out.push({ text, section: path() });
      continue;
    }
    const lead = text.match(LEAD_SENTENCE)?.[0] ?? text.match(LEAD_COLON)?.[0];
    out.push({ text, section: lead ? path(trimEnd(lead)) : path() });
  }
  return out;
}

/** Does a list of paragraphs carry report-style headings at all? */
export function hasReportStructure(paragraphs: string[]): boolean {
  return paragraphs.some((p) => NUMBERED.test(p) || PART.test(p));
}
