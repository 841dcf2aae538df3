import { COUNT } from "../text/units.js";
import type { ScannedFigure } from "./scan.js";
import type { Measure } from "./types.js";

/** A verb that reaches a level (增加到, 提高至, 达到, 控制在): the figure is where it ends up. */
const TO_LEVEL = /(?:到|至|达到?|控制在|保持在|稳定在|维持在|在|从)$/;
/** A target's own framing after its verb: 增长目标为17% is a growth of 17%. */
const FRAMING = /(?:(?:预期)?目标(?:建议)?(?:为|是|定为)?|为|是)$/;
const UP = /增长|增加|提高|提升|上升|上涨|扩大|增速|增幅|涨幅|(?:比|较)\S*(?:多|高)$/;
const DOWN = /下降|降低|减少|下调|回落|缩小|压减|降幅|(?:比|较)\S*(?:少|低)$/;
/** Words of the indicator that say it is a growth rate or a fall (居民消费价格涨幅, 增速). */
const GROWTH_NAME = /(?:涨幅|增速|增幅|增长率|增长)$/;
const FALL_NAME = /降幅$/;
const RATE_NAME = /(?<!比)率$/;
const COUNT_UNIT = new RegExp(`^(?:万亿|亿|万|千)?(?:${COUNT}|天|个月|小时)$`);

/** The way a figure moved: up, down, or (a level reached, a rate) no way at all. */
export type Moved = { measure: Measure; direction: "up" | "down" | null };

/**
 * What a figure measures, from its unit, the verb before it and its indicator's own
 * words: 增长5% growth (up); 下降2%, 提高0.4个百分点, 增加5700亿元 change; 失业率5.5% rate;
 * 研发投入强度2.85% share; 110万人, 300天 count; 1955万吨, 103 level; 第3位 rank.
 */
export function measureOf(f: ScannedFigure, verb: string, indicator: string): Moved {
  const v = verb
    .replace(/[，,、\s]/g, "")
    .replace(/(?:19|20)\d{2}年(?:底|末|的)*$/, "")
    .replace(FRAMING, "");
  if (f.ordinal && /^[位名]?$/.test(f.unit)) return { measure: "rank", direction: null };
  const toLevel = TO_LEVEL.test(v);
  const up = !toLevel && UP.test(v);
  const down = !toLevel && DOWN.test(v);
  if (f.unit === "个百分点") {
    const fell = down || (!up && /低|少/.test(v));
    return { measure: "change", direction: fell ? "down" : up || /高|多/.test(v) ? "up" : null };
  }
  if (f.percent) {
    if (down) return { measure: "change", direction: "down" };
    if (up) return { measure: "growth", direction: "up" };
    if (FALL_NAME.test(indicator)) return { measure: "change", direction: "down" };
    if (GROWTH_NAME.test(indicator)) return { measure: "growth", direction: "up" };
    if (RATE_NAME.test(indicator)) return { measure: "rate", direction: null };
    return { measure: "share", direction: null };
  }
  if (down) return { measure: "change", direction: "down" };
  if (up) return { measure: "change", direction: "up" };
  if (COUNT_UNIT.test(f.unit)) return { measure: "count", direction: null };
  return { measure: "level", direction: null };
}

/** Bounds written before a figure, nearest first; 力争 (strive for) anywhere before it. */
const BEFORE =
  /(控制在|不低于|不少于|不超过|不高于|低于|高于|超过|突破|达到|达|超|约|近|接近)(?:[^\u3400-\u9fff]*)$/;

/**
 * The qualifier of a figure: the bound written after it (左右, 以上, 以内…) when there is one
 * (控制在5.5%左右 -> 左右); otherwise 力争 when the words before it strive for it (力争达到8%),
 * otherwise the bound word right before it (控制在, 不低于, 低于, 达, 突破…).
 */
export function qualifierOf(f: ScannedFigure, verb: string, lead: string): string {
  if (f.bound) return f.bound;
  if (f.more) return "多";
  if (/力争/.test(verb) || /力争/.test(lead)) return "力争";
  return verb.match(BEFORE)?.[1] ?? "";
}
