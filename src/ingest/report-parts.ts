import type { Part } from "./types.js";

/**
 * Which part of a report a heading or a paragraph belongs to, from its wording: the review
 * of the past year(s), the plan, government self-improvement, and the problems paragraph
 * (shortcomings named inside or after the review).
 */

const GOVERNMENT =
  /政府(?:自身|建设)|(?:人民满意|人民满意的|服务型|法治|廉洁|廉洁高效|人民)政府|政府[^，。]{0,4}治理|行政能力|政风|廉政建设/;
const REVIEW = /回顾|过去[一五]?年|过去的一年|一年来|五年来|去年|成就|成效|成绩/;
const PLAN =
  /安排|任务|部署|要求|目标|建议|思路|重点工作|今年|明年|规划纲要|关于(?:19|20)\d{2}年|(?:19|20)\d{2}年的工作/;
const YEAR_NAMED = /((?:19|20)\d{2})年/;

/**
 * The part a main heading opens. A year the heading names decides review or plan; then
 * its wording; a heading with neither (a thematic title) is the review when it is the
 * first part of the report and the plan after it.
 */
export function partOfHeading(title: string, year: number | undefined, seen: Part[]): Part {
  if (GOVERNMENT.test(title) && !/建议|安排|任务/.test(title)) return "government";
  const named = title.match(YEAR_NAMED);
  if (named && year !== undefined) return Number(named[1]) < year ? "review" : "plan";
  if (REVIEW.test(title) && !PLAN.test(title)) return "review";
  if (PLAN.test(title)) return "plan";
  return seen.includes("review") || seen.includes("plan") ? "plan" : "review";
}

/** A numbered section of the plan about the government itself: "（八）切实加强政府自身建设". */
export const isGovernmentSection = (title: string) => GOVERNMENT.test(title);

/** How the problems paragraph is recognised. */
const PROBLEMS = {
  /**
   * An opener this far into a paragraph splits it: what comes before it stays where it
   * was ("…继续坚持、不断探索与完善。同时，我们清醒认识到…"); nearer the start, the whole
   * paragraph is the problems paragraph ("安不忘危，兴不忘忧。我们清醒认识到…").
   */
  splitMinPrefix: 24,
  /** a plain-worded opener ("…还面临不少困难") counts among a paragraph's first sentences only */
  plainOpenerSentences: 2,
  /** a paragraph with this many shortcoming words… */
  minCues: 8,
  /** …at least this many per 100 characters is a list of shortcomings even without an opener */
  minCuesPer100: 2,
  /** a continuing paragraph names a shortcoming within its first characters */
  continuationWindow: 30,
} as const;

/** "我们也清醒看到" and kin: an opener whatever else the sentence says. */
const SOBER =
  /^[^。！？]{0,30}?(?:清醒(?:地)?(?:看到|认识到)|(?:问题|不足)(?:说透|讲透)|(?:更|也|还)要看到[^。！？]{0,20}(?:困难|问题|挑战|不足))/;
/** "…仍然面临不小压力和挑战", "…还存在不少问题": an opener near the start of a paragraph. */
const PLAIN =
  /^[^。！？]{0,40}?(?:还|仍|仍然|依然|也)(?:面临|存在|有)着?(?:不少|一些|诸多|许多|不小|较多|很多)?的?(?:突出)?(?:困难|问题|压力|挑战|矛盾|不足|短板|差距)/;
const SHORTCOMING =
  /还不|不够|不足|不强|不高|不优|不均衡|不平衡|不充分|短板|弱项|有待|还需|仍需|还要|差距|困难|矛盾|问题|挑战|压力|承压|隐患|薄弱|偏弱|较重|艰巨/g;
const CONTINUES = new RegExp(
  `^(?:——|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、])|^.{0,${PROBLEMS.continuationWindow}}?(?:${SHORTCOMING.source}|缺点|清醒|认识到)`,
);

/** Sentence starts of a paragraph, as offsets. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  const re = /[。！？!?]+[”’」』）)]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (at < text.length) starts.push(at);
  }
  return starts;
}

/**
 * Where the problems paragraph starts in this paragraph: 0 for all of it, an offset when
 * an opener comes further in, undefined when it names no shortcomings. `plain` allows
 * plain-worded openers and lists of shortcomings (outside a numbered section of the review,
 * where achievements are told in the same words).
 */
export function problemsStart(text: string, plain: boolean): number | undefined {
  const starts = sentenceStarts(text);
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i] as number;
    const sentence = text.slice(at, at + 120);
    const opens =
      SOBER.test(sentence) || (plain && i < PROBLEMS.plainOpenerSentences && PLAIN.test(sentence));
    if (opens) return at < PROBLEMS.splitMinPrefix ? 0 : at;
  }
  if (!plain) return undefined;
  const cues = text.match(SHORTCOMING)?.length ?? 0;
  return cues >= PROBLEMS.minCues && (cues * 100) / text.length >= PROBLEMS.minCuesPer100
    ? 0
    : undefined;
}

/** Does this paragraph go on with the problems the one before it opened? */
export const continuesProblems = (text: string) => CONTINUES.test(text);

/** How far into a paragraph after the plan's last task its wording is read for the government part. */
const GOVERNMENT_WINDOW = { address: 120, turn: 60 } as const;
const GOVERNMENT_WORDS =
  /政府工作|政府自身|政府建设|人民政府|各级政府|政府系统|政府履职|履职|自身硬|(?:服务型|法治|廉洁|人民满意的?)政府|政府[^，。]{0,4}(?:治理|效能|能力)/;
/** "…对政府工作提出了新的更高要求": the speech turns to the government itself. */
const GOVERNMENT_TURN = /对政府(?:工作|自身建设)?提出了?(?:新的)?更高(?:的)?要求/;

/** An address after the plan's last task that turns to the government itself. */
export const speaksOfGovernment = (text: string) =>
  GOVERNMENT_WORDS.test(text.slice(0, GOVERNMENT_WINDOW.address));

/** A paragraph after the plan's last task that opens on what is asked of the government. */
export const turnsToGovernment = (text: string) =>
  GOVERNMENT_TURN.test(text.slice(0, GOVERNMENT_WINDOW.turn));

/** The targets paragraph: "今年经济社会发展的主要预期目标是：…" */
export const isTargets = (text: string) => /^[^。！？]{0,40}?(?:主要)?预期目标(?:是|为)/.test(text);
