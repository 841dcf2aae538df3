/**
 * The front matter of a report: the lines before the speech itself (title, source, the
 * date-and-venue line, the speaker, 各位代表：). They are metadata, never passages.
 */

/** Where front matter can be. */
const FRONT = {
  /** the opening salutation is looked for among this many first paragraphs */
  maxParagraphs: 12,
  /** a paragraph before the salutation longer than this means the salutation is not an opening */
  maxParagraphChars: 400,
  /** a front line naming the report (title, source, speaker) is at most this long */
  maxLineChars: 60,
} as const;

export type FrontFacts = {
  title?: string;
  place?: string;
  date?: string;
  speaker?: string;
  source?: string;
};

const SALUTATION = /^各位代表[：:，,！!]?\s*$/;
const TITLE = /工作报告/;
const SOURCE = /^来源\s*[：:]\s*/;
/** a news agency's dateline: 新华社北京2006年3月15日电 */
const DATELINE = /^(\S{1,6}?社)\S{0,12}?\d{1,2}月\d{1,2}日电$/;
const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
/** …在北京市第十六届人民代表大会第三次会议上 / 在第十届全国人民代表大会… */
const VENUE =
  /在\s*([^在，。\s]{0,24}?)\s*第[一二三四五六七八九十百零〇\d]+\s*届\s*(全国)?\s*人民代表大会/;
const ROLE = "(?:代理|代)?(?:总理|省长|市长|区长|县长|州长|旗长|盟长|主席)";
const NAME = "[\\u4e00-\\u9fa5]{1,6}·[\\u4e00-\\u9fa5]{1,8}|[\\u4e00-\\u9fa5]{2,4}";
const ROLE_NAME = new RegExp(`^([\\u4e00-\\u9fa5]{0,14}?${ROLE})\\s*(${NAME})$`);
const NAME_ROLE = new RegExp(`^(${NAME})(${ROLE})$`);

const isFrontLine = (line: string) =>
  SALUTATION.test(line) ||
  SOURCE.test(line) ||
  DATELINE.test(line) ||
  (DATE.test(line) && VENUE.test(line)) ||
  (line.length <= FRONT.maxLineChars && TITLE.test(line) && !/[。；]/.test(line)) ||
  speakerOf(line) !== undefined;

/**
 * How many of the first paragraphs are front matter: everything up to the opening
 * salutation ("各位代表："), or, when there is none, the leading lines that read as
 * title, source, date-and-venue or speaker lines.
 */
export function frontMatterLength(paragraphs: string[]): number {
  const limit = Math.min(paragraphs.length, FRONT.maxParagraphs);
  for (let i = 0; i < limit; i++) {
    const p = paragraphs[i] as string;
    if (SALUTATION.test(p)) return i + 1;
    if (p.length > FRONT.maxParagraphChars) break;
  }
  let n = 0;
  while (n < limit && isFrontLine(paragraphs[n] as string)) n++;
  return n;
}

/** "国务院总理 李克强", "省长王予波", "龚正市长" -> "role name". */
function speakerOf(line: string): string | undefined {
  const s = line.replace(/\s+/g, " ").replace(/同志$/, "").trim();
  if (s.length > FRONT.maxLineChars) return undefined;
  const rn = s.match(ROLE_NAME);
  if (rn) return `${rn[1]} ${rn[2]}`;
  const nr = s.replace(/\s/g, "").match(NAME_ROLE);
  return nr ? `${nr[2]} ${nr[1]}` : undefined;
}

/** The speaker named in a date-and-venue line, around the date and the venue. */
function speakerInDateLine(line: string): string | undefined {
  const rest = line
    .replace(/^[-—－\s]+/, "")
    .replace(DATE, "\n")
    .replace(/在[^在\n]*?人民代表大会[^上的\n]*?(?:会议)?[上的]/, "\n")
    .replace(/(?:的讲话|的政府工作报告|作政府工作报告|政府工作报告)[。.]?/g, "\n");
  for (const piece of rest.split("\n")) {
    const speaker = speakerOf(piece.replace(/同志$/, "").trim());
    if (speaker) return speaker;
  }
  return undefined;
}

const pad = (n: string) => n.padStart(2, "0");

/** What the front-matter lines say: title, place, date, speaker, source. */
export function readFrontMatter(lines: string[]): FrontFacts {
  const facts: FrontFacts = {};
  for (const raw of lines) {
    const line = raw.trim();
    const source = line.match(SOURCE);
    if (source && facts.source === undefined) {
      // "来源：江西省人民政府2025年1月17日在…": the source stops where the date line starts
      const value = line
        .slice(source[0].length)
        .split(/\d{4}\s*年|——/)[0]
        ?.trim();
      if (value) facts.source = value;
    }
    const dateline = line.match(DATELINE);
    if (dateline && facts.source === undefined) facts.source = dateline[1];
    const date = line.match(DATE);
    const venue = line.match(VENUE);
    if (date && venue && facts.date === undefined) {
      facts.date = `${date[1]}-${pad(date[2] as string)}-${pad(date[3] as string)}`;
      const place = venue[1] || (venue[2] ? "全国" : "");
      if (place && facts.place === undefined) facts.place = place;
      facts.speaker ??= speakerInDateLine(line);
      continue;
    }
    if (
      facts.title === undefined &&
      line.length <= FRONT.maxLineChars &&
      TITLE.test(line) &&
      !source &&
      !/[。；]/.test(line)
    ) {
      facts.title = line.replace(/\s+/g, "");
      continue;
    }
    facts.speaker ??= speakerOf(line);
  }
  return facts;
}
