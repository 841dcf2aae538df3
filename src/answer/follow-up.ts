import type { Turn } from "./types.js";

const FOLLOW_UP_ZH = /^(那|那么|还有|另外|以及|而|同时)|呢[？?]?$|^(这|它|其)/;
const FOLLOW_UP_EN =
  /^(and|what about|how about|and what about|then|also|same for|what of)\b|^(in|for) (19|20)\d{2}\b/i;
const YEAR = /(?<!\d)(19|20)\d{2}(?!\d)\s*年?|去年|今年|last year|this year/gi;
const HAS_YEAR = new RegExp(YEAR.source, "i");

/** Is this a fragment that only makes sense after the previous question? */
export function isFollowUp(question: string): boolean {
  const q = question.trim();
  const short = /[\u3400-\u9fff]/.test(q) ? q.length <= 14 : q.split(/\s+/).length <= 6;
  return short && (FOLLOW_UP_ZH.test(q) || FOLLOW_UP_EN.test(q));
}

/**
 * Offline follow-up resolution: "那2023年呢？" after "2024年地区生产总值目标增长多少？"
 * becomes the previous question with the new year (or with the fragment appended).
 */
export function resolveFollowUp(question: string, history: Turn[] = []): string {
  if (!isFollowUp(question)) return question;
  const previous = [...history].reverse().find((t) => t.role === "user" && !isFollowUp(t.content));
  if (!previous) return question;
  const years = question.match(YEAR);
  if (years && HAS_YEAR.test(previous.content)) return previous.content.replace(YEAR, years[0]);
  const fragment = question
    .replace(/^(那么|那|还有|另外|and what about|what about|how about|and)\s*/i, "")
    .replace(/[呢？?]+$/g, "");
  return `${previous.content.replace(/[？?。.]+$/, "")} ${fragment}`.trim();
}
