/**
 * The words between a clause's start (or the previous figure) and a figure: an indicator,
 * then the verb that carries the figure ("地区生产总值 | 同口径增长 | 5%"). The genre's
 * regular phrasing: lead-in words first (今年, 全省, 实现, 力争…), the indicator, then
 * comparison words (比上年, 同比), a verb of change or of level (增长, 下降, 达到, 控制在),
 * a bound before the figure (不低于, 超过).
 */

/** Words that open a clause before its indicator. */
const LEAD =
  /^(?:[，,、；;：:\s“”"]|其中|今年|去年|全年|当年|明年|同时|预计|初步测算|经测算|初步核算|实现|力争|确保|努力|争取|推动|推进|促进|中央提出|提出|建议|拟安排|拟|主要|我们|使|让|全省|全市|全区|全国|全县|全州|我省|我市|我区|我国|本省|本市|从)+/;

/**
 * Words that end the words before a figure: comparisons, verbs, bounds before the figure,
 * the target's own framing (预期目标为), a year ("2002年的"), a "from" (从).
 */
const TRAIL =
  /(?:[，,、；;：:\s]|分别|同比|比上年|较上年|比去年|比2\d{3}年|比上年预算|比去年预算|年均|平均每年|平均|每年|实际|名义|同口径|按可比价格计算|累计|合计|总计|共|预计|力争|继续|进一步|稳定在|保持在|控制在|维持在|稳定|保持|控制|维持|增长|增加|提高|提升|上升|上涨|下降|降低|减少|下调|回落|缩小|扩大|增至|降至|升至|达到|达|突破|超过|超|不低于|不少于|不超过|不高于|低于|高于|在|为|是|到|至|约|近|接近|预期目标|目标|建议|拟按|按|安排|拟|定为|定在|了|的|从|(?:19|20)\d{2}年(?:底|末|的)*|\d{4}年|去年|上年|今年)$/;

export type Gap = {
  /** [start, end) of the indicator's words, when the gap holds one */
  indicator?: [number, number];
  /** what follows the indicator up to the figure: the verb and bound words */
  verb: string;
  /** what precedes it: the lead-in words (力争 is a bound) */
  lead: string;
};

/** Does a text name something (two characters of Han or Latin), not only punctuation? */
const names = (s: string) => (s.match(/[\u3400-\u9fffA-Za-z]/g)?.length ?? 0) >= 2;

/** A target's framing inside the words before its figure: the indicator is before it. */
const TARGET_FRAME = /(?:预期目标|增长目标|目标)(?:建议)?(?:是|为|定为|定在)/;

/** Read the gap text[from, to) before a figure. */
export function readGap(
  text: string,
  from: number,
  to: number,
  keep?: (s: string) => boolean,
): Gap {
  const frame = text.slice(from, to).search(TARGET_FRAME);
  let end = frame >= 0 ? from + frame : to;
  let start = from;
  // strip the verb words from the right, unless what is left ends with an indicator's name
  for (;;) {
    const head = text.slice(start, end);
    if (keep?.(head)) break;
    const m = head.match(TRAIL);
    if (!m || m[0].length === 0) break;
    end -= m[0].length;
  }
  const lead = text.slice(start, end).match(LEAD)?.[0] ?? "";
  start += lead.length;
  const verb = text.slice(end, to);
  if (end <= start || !names(text.slice(start, end))) return { verb, lead: text.slice(from, end) };
  return { indicator: [start, end], verb, lead };
}
