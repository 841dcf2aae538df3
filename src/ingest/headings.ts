import { zhNumber } from "../text/numbers.js";
import { LEAD_SENTENCE } from "./normalize.js";

/**
 * The shapes headings take in government work reports, whatever the family: a numbered
 * part ("一、2024年工作回顾"), a numbered section ("（三）…"), an unnumbered part line
 * ("2024年工作回顾"), a standalone ordinal sub-heading ("第一，深化政府机构改革。"), an
 * appendix marker ("附件1", "名词解释"), the address "各位代表！", and the lead sentence
 * that names a paragraph's topic ("先进制造业提档升级。").
 */

/** Bounds on what can be a heading. */
export const HEADING = {
  /** a numbered heading longer than this (to its first full stop) is a paragraph */
  maxChars: 120,
  /** an unnumbered part line ("2024年工作回顾") is at most this long */
  maxPartLineChars: 30,
  /** a standalone ordinal sub-heading ("第一，深化政府机构改革。") is at most this long */
  maxOrdinalChars: 40,
  /** an appendix marker line ("附件2 名词解释") is at most this long */
  maxAppendixChars: 30,
  /** a broken heading's second line ("治理效能和服务水平") is at most this long */
  maxContinuationChars: 20,
} as const;

/** A heading found at the start of a paragraph. */
export type Heading = {
  /** the heading's number (1 for "一、" and "（一）"), 0 when unnumbered */
  num: number;
  /** the heading as a section name: without trailing punctuation */
  title: string;
  /** where the paragraph's own text starts after a heading that opens it; length when none */
  bodyStart: number;
};

const PART_NUMBER = /^([一二三四五六七八九十]+)[ \u3000]*[、．.][ \u3000]*/;
const SECTION_NUMBER = /^[（(]([一二三四五六七八九十]+)[）)][ \u3000]*/;
const SENTENCE_END = /[。！？!?]/;
const STRIP_END = /[。：:，,；;！!？?\s]+$/;

export const sectionName = (s: string) => s.replace(STRIP_END, "");

/**
 * A numbered heading at the start of a paragraph: standing alone ("（三）…" with no full
 * stop, or one short sentence) or opening it ("（一）三大攻坚战强力突破。…"), in which
 * case the text after its full stop is the paragraph's body.
 */
function numbered(text: string, re: RegExp): Heading | undefined {
  const m = text.match(re);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const stop = rest.search(SENTENCE_END);
  const headEnd = stop === -1 ? text.length : m[0].length + stop + 1;
  if (headEnd > HEADING.maxChars || headEnd - m[0].length < 2) return undefined;
  const number = m[0].replace(/[ \u3000]+/g, "");
  return {
    num: zhNumber(m[1] as string) ?? 0,
    title: number + sectionName(text.slice(m[0].length, headEnd)),
    bodyStart: headEnd,
  };
}

/** "一、2024年工作回顾", "三、…加强政府自身建设" */
export const partHeading = (text: string) => numbered(text, PART_NUMBER);
/** "（一）…", "(二)…" */
export const sectionHeading = (text: string) => numbered(text, SECTION_NUMBER);

const NO_SENTENCE_MARKS = /^[^，,。！？!?；;：:]+$/;

/** A short line with no punctuation: "2024年工作回顾", "治理效能和服务水平" */
export const isTitleLine = (text: string, max: number = HEADING.maxPartLineChars) =>
  text.length <= max && NO_SENTENCE_MARKS.test(text);

const PART_LINE = /回顾|安排|任务|建议|要求|目标|部署/;

/** An unnumbered part line: "2024年工作回顾", "2025年工作安排", "2024年工作安排建议". */
export const isPartLine = (text: string) =>
  isTitleLine(text) && PART_LINE.test(text) && !partHeading(text) && !sectionHeading(text);

const ORDINAL = /^(?:第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]+是)/;

/**
 * A line opened by an ordinal that reads as a heading: with no sentence end at all
 * ("一是聚焦全方位扩大内需，着力提消费促投资"), or one short sentence
 * ("第一，深化政府机构改革。"). Whether it heads what follows is for its neighbours to say.
 */
export function ordinalHeading(text: string): string | undefined {
  if (!ORDINAL.test(text)) return undefined;
  const stop = text.search(SENTENCE_END);
  if (stop === -1) return text.length <= HEADING.maxChars ? sectionName(text) : undefined;
  return stop === text.length - 1 && text.length <= HEADING.maxOrdinalChars
    ? sectionName(text)
    : undefined;
}

/** Does a paragraph open with an ordinal ("一是", "第二，")? */
export const opensWithOrdinal = (text: string) => ORDINAL.test(text);

const APPENDIX =
  /^(?:附件|附录|附注|附表|注释|名词解释|名词注释)\s*[0-9一二三四五六七八九十]*(?:[\s：:]|$)/;

/** "附件", "附件1", "附件2 名词解释", "名词解释", "附注：": the start of an appendix. */
export const isAppendixMarker = (text: string) =>
  text.length <= HEADING.maxAppendixChars && APPENDIX.test(text);

/** "各位代表！…", "各位代表，…": the speaker addresses the deputies again. */
export const ADDRESS = /^各位代表[！!，,]/;
/** A paragraph that is only the address. */
export const BARE_ADDRESS = /^各位代表[！!，,：:]?\s*$/;

/** A lead clause that introduces a list: "今年全市经济社会发展的主要预期目标是：" */
const LEAD_COLON = /^[^，,。！？；：\s]{4,30}：/;
/**
 * Sentences that open with a time or discourse word, or that say what something is
 * ("今年是…之年"), state facts; they do not name the paragraph's area.
 */
const NOT_A_TOPIC =
  /^(?:今年|去年|明年|过去|一年来|五年来|当前|目前|现在|近年来|这|我们|我|同时|此外|其中|因此|总之|但|而)|^(?![一二三四五六七八九十]+是).*是/;

/** The topic a paragraph's lead sentence names, if it has one. */
export function leadTopic(text: string): string | undefined {
  const sentence = text.match(LEAD_SENTENCE)?.[0];
  if (sentence && !NOT_A_TOPIC.test(sentence)) return sectionName(sentence);
  const colon = text.match(LEAD_COLON)?.[0];
  return colon ? sectionName(colon) : undefined;
}

/**
 * A heading broken over two lines ("三、持续提升政府" + "治理效能和服务水平"): a numbered
 * heading with no punctuation at its end followed by a short unpunctuated line that is
 * not a heading itself.
 */
export function continuesHeading(heading: string, next: string): boolean {
  if (!(partHeading(heading) || sectionHeading(heading))) return false;
  if (/[。！？!?：:；;，,]$/.test(heading) || heading.length > HEADING.maxChars) return false;
  return (
    isTitleLine(next, HEADING.maxContinuationChars) &&
    !partHeading(next) &&
    !sectionHeading(next) &&
    !isAppendixMarker(next) &&
    !/^\d{4}年/.test(next)
  );
}
