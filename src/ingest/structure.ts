import type { ReviewCue } from "./doc-meta.js";
import {
  ADDRESS,
  BARE_ADDRESS,
  type Heading,
  isAppendixMarker,
  isPartLine,
  isTitleLine,
  leadTopic,
  ordinalHeading,
  partHeading,
  sectionHeading,
  sectionName,
} from "./headings.js";
import {
  appendixStart,
  closingStart,
  headsNext,
  joinBrokenHeadings,
  lastSectionHeading,
} from "./report-bounds.js";
import {
  continuesProblems,
  isGovernmentSection,
  isTargets,
  partOfHeading,
  problemsStart,
  speaksOfGovernment,
  turnsToGovernment,
} from "./report-parts.js";
import type { Part } from "./types.js";

/**
 * A piece of the document text in its place in the section tree. Most pieces are whole
 * paragraphs; a heading that opens a paragraph, or a problems opener inside one, splits it
 * into pieces that follow each other with no separator (`joined`).
 */
export type Piece = {
  text: string;
  section: string[];
  part: Part;
  /** false for front matter, headings and bare addresses: text, but never a passage */
  passage: boolean;
  /** continues the previous piece's paragraph */
  joined?: boolean;
};

const CLOSING_SECTION = "结语";

export type PlaceOptions = {
  /** how many first paragraphs are front matter */
  front: number;
  /** the section path in force at the top of an excerpt that begins mid-document */
  startsIn?: string[];
  /** the year the report is delivered in, when known */
  year?: number;
};

export type Placed = { pieces: Piece[]; review: ReviewCue };

/**
 * Place the paragraphs of a report in its section tree and its parts:
 *   part ("一、2024年工作回顾", "2024年工作安排建议") > numbered section ("（一）…") > topic
 * (a lead sentence, "先进制造业提档升级。", or an ordinal sub-heading, "第一，…。").
 * Front matter, the review, the problems paragraph, the plan, government self-improvement,
 * the closing remarks and the appendices each get their `part`.
 */
export function placeReport(input: string[], opts: PlaceOptions): Placed {
  const paragraphs = joinBrokenHeadings(input, opts.front);
  const structured =
    Boolean(opts.startsIn?.length) ||
    paragraphs.some(
      (p, i) => i >= opts.front && (partHeading(p) || sectionHeading(p) || isPartLine(p)),
    );
  const appendix = structured ? appendixStart(paragraphs, opts.front) : paragraphs.length;
  const closing = structured ? closingStart(paragraphs, opts.front, appendix) : appendix;
  const lastSection = lastSectionHeading(paragraphs, opts.front, closing);

  const pieces: Piece[] = [];
  const review: ReviewCue = {};
  const seen: Part[] = [];
  let part = opts.startsIn?.[0];
  let kind: Part = part ? partOfHeading(part, opts.year, seen) : "body";
  let numbered = opts.startsIn?.[1];
  /** the numbered level holds an ordinal heading ("一是…"), not a "（一）" section */
  let numberedByOrdinal = false;
  let sectionKind: Part | undefined;
  let topic: string | undefined;
  let mainNumber = 0;
  let addressed = false;
  let addressKind: Part | undefined;
  let inProblems = false;
  let wantOpening = false;
  let appendixMarked = false;

  const path = (...rest: (string | undefined)[]) =>
    [part, numbered, ...rest].filter((x): x is string => Boolean(x));
  const push = (text: string, section: string[], as: Part, passage: boolean, joined = false) => {
    if (text) pieces.push({ text, section, part: as, passage, joined });
  };
  /** a heading, and the paragraph's own text when the heading opens it */
  const pushHeading = (text: string, h: Heading, as: Part) => {
    push(text.slice(0, h.bodyStart), path(), as, false);
    push(text.slice(h.bodyStart), path(), as, true, true);
  };

  for (let i = 0; i < paragraphs.length; i++) {
    const text = paragraphs[i] as string;
    if (i < opts.front) {
      push(text, [], "front", false);
      continue;
    }
    if (i >= appendix) {
      const h = partHeading(text) ?? sectionHeading(text);
      if (isAppendixMarker(text)) {
        part = sectionName(text);
        numbered = undefined;
        appendixMarked = true;
        push(text, path(), "appendix", false);
      } else if (!appendixMarked && partHeading(text)) {
        // an appendix numbered again with no marker: its numbered headings are its parts
        const top = partHeading(text) as Heading;
        part = top.title;
        numbered = undefined;
        pushHeading(text, top, "appendix");
      } else if (h || isTitleLine(text)) {
        numbered = h ? h.title : text;
        if (h) pushHeading(text, h, "appendix");
        else push(text, path(), "appendix", false);
      } else push(text, path(leadTopic(text)), "appendix", true);
      continue;
    }
    if (i >= closing) {
      push(text, [CLOSING_SECTION], "closing", !BARE_ADDRESS.test(text));
      continue;
    }
    const ph = partHeading(text);
    if ((ph && !(mainNumber > 0 && ph.num <= mainNumber)) || (!ph && isPartLine(text))) {
      const h: Heading = ph ?? { num: 0, title: sectionName(text), bodyStart: text.length };
      if (h.num > 0) mainNumber = h.num;
      part = h.title;
      kind = partOfHeading(h.title, opts.year, seen);
      seen.push(kind);
      numbered = sectionKind = topic = addressKind = undefined;
      addressed = inProblems = numberedByOrdinal = false;
      if (kind === "review" && review.heading === undefined) {
        review.heading = h.title;
        wantOpening = true;
      }
      pushHeading(text, h, kind);
      continue;
    }
    const sh = sectionHeading(text) ?? ph;
    if (sh) {
      numbered = sh.title;
      topic = addressKind = undefined;
      addressed = inProblems = numberedByOrdinal = false;
      sectionKind = kind !== "review" && isGovernmentSection(sh.title) ? "government" : undefined;
      pushHeading(text, sh, sectionKind ?? kind);
      continue;
    }
    const ordinal = ordinalHeading(text);
    if (ordinal && headsNext(paragraphs[i + 1])) {
      // a "（一）" section in force keeps it: the ordinal line is a topic inside it
      if (numbered === undefined || numberedByOrdinal) {
        numbered = ordinal;
        numberedByOrdinal = true;
        topic = undefined;
        sectionKind = kind !== "review" && isGovernmentSection(ordinal) ? "government" : undefined;
        push(text, path(), sectionKind ?? kind, false);
      } else {
        topic = ordinal;
        push(text, path(ordinal), sectionKind ?? kind, false);
      }
      continue;
    }
    if (BARE_ADDRESS.test(text)) {
      numbered = sectionKind = topic = addressKind = undefined;
      inProblems = false;
      addressed = true;
      push(text, path(), kind, false);
      continue;
    }
    const tasksDone = i > lastSection && (kind === "plan" || kind === "government");
    if (ADDRESS.test(text) || addressed) {
      numbered = sectionKind = topic = undefined;
      inProblems = addressed = numberedByOrdinal = false;
      addressKind = tasksDone && speaksOfGovernment(text) ? "government" : undefined;
    } else if (tasksDone && turnsToGovernment(text)) {
      numbered = sectionKind = topic = undefined;
      numberedByOrdinal = false;
      addressKind = "government";
    }
    if (wantOpening) {
      review.opening = text;
      wantOpening = false;
    }
    const lead = leadTopic(text);
    const section = path(lead ?? topic);
    const base: Part = isTargets(text) ? "plan" : (sectionKind ?? addressKind ?? kind);
    if (base !== "review") {
      push(text, section, base, true);
      continue;
    }
    if (inProblems && continuesProblems(text)) {
      push(text, section, "problems", true);
      continue;
    }
    const start = problemsStart(text, numbered === undefined);
    inProblems = start !== undefined;
    if (start === undefined) push(text, section, base, true);
    else {
      push(text.slice(0, start), section, base, true);
      push(text.slice(start), section, "problems", true, start > 0);
    }
  }
  return { pieces, review };
}
