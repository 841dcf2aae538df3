/** The way a figure moved, in the report's Chinese and in questions (zh and en). */
export type Direction = "up" | "down";

/** Words for a change upwards or downwards, as the reports and their readers write them. */
export const UP_ZH =
  /增长|增加|提高|提升|上升|增至|扩大|新增|增幅|增速|上涨|涨了|回升|越来越多|变多|净增/;
export const DOWN_ZH =
  /下降|减少|降低|下调|缩小|压减|降至|下滑|降幅|减排|降了|减了|回落|越来越少|变少|萎缩/;
export const UP_EN =
  /\b(?:grow|grew|grown|growth|increas(?:e|ed|es|ing)|ris(?:e|es|en|ing)|rose|rais(?:e|ed|ing)|expand(?:ed|ing)?|gain(?:ed)?|up|(?:more|higher|bigger|larger|greater|faster) than)\b/i;
export const DOWN_EN =
  /\b(?:f[ae]ll(?:en|ing)?|dropp?(?:ed|ing)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|reduc(?:e|ed|es|ing|tion)|shr[iau]nk|cut|down|lowered|(?:less|lower|fewer|smaller|slower) than)\b/i;

/** The one direction a text speaks of, if it speaks of exactly one. */
export function directionOf(text: string, up: RegExp, down: RegExp): Direction | undefined {
  const u = up.test(text);
  const d = down.test(text);
  return u === d ? undefined : u ? "up" : "down";
}

/** The direction a question asks about, in either language. */
export const askedDirection = (question: string): Direction | undefined =>
  directionOf(question, UP_ZH, DOWN_ZH) ?? directionOf(question, UP_EN, DOWN_EN);
