import type { Turn } from "./types.js";

/**
 * Is this a fragment that only makes sense after the previous question? "那2023年呢？",
 * "是多少", "And for hotels?", "What about Shanghai?", "Was that more than before?",
 * "它排第几". `meaningful` says whether the fragment names a topic of its own.
 */
const LEAD_ZH = /^(?:那么|那|还有|另外|以及|而|同时|再问|再说说|再看看|顺便问)/;
const TAIL_ZH = /呢[？?。!！\s]*$/;
const PRONOUN_ZH = /^(?:它|其|这个|这项|这些|那个|该)|它|其中/;
const LEAD_EN =
  /^\s*(?:and|what about|how about|and what about|then|also|same for|what of|how does that|is that|was that|did that|does that|did it|is it|was it|has it|what if)\b|^\s*(?:in|for) (?:19|20)\d{2}\b/i;
const PRONOUN_EN = /\b(?:it|that|this|they|those|these|them|its)\b/i;

export function looksLikeFollowUp(question: string, meaningful: boolean): boolean {
  const q = question.trim();
  const zh = /[\u3400-\u9fff]/.test(q);
  const short = zh ? q.length <= 16 : q.split(/\s+/).length <= 9;
  if (!short) return false;
  if (zh ? LEAD_ZH.test(q) || TAIL_ZH.test(q) || PRONOUN_ZH.test(q) : LEAD_EN.test(q)) return true;
  if (!zh && PRONOUN_EN.test(q) && q.split(/\s+/).length <= 7) return true;
  return !meaningful;
}

/** Pronouns that stand for the previous topic, to be replaced by it ("this year" is a time). */
export const PRONOUNS =
  /它的|它们|它|其中|其|这个|这项|这些|那个|该项|\b(?:it|that|this|they|those|these|them)\b(?!\s+years?\b)|\bits\b/gi;

/** Follow-up lead words, dropped from the fragment before it is read. */
export const FOLLOW_UP_LEAD =
  /^(?:那么|那|还有|另外|以及|而|同时|再问|再说说|再看看|顺便问)|呢(?=[？?。!！\s]*$)|^\s*(?:and what about|what about|how about|and|then|also|same for|what of|what if)\b/gi;

/** The last question the user asked before this one, and what the assistant answered to it. */
export function previousTurn(
  history: Turn[],
): { question: string; answer?: string; before: Turn[] } | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const t = history[i] as Turn;
    if (t.role !== "user") continue;
    const next = history[i + 1];
    return {
      question: t.content,
      answer: next?.role === "assistant" ? next.content : undefined,
      before: history.slice(0, i),
    };
  }
  return undefined;
}
