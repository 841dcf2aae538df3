import type { Reading } from "../../question/types.js";
import { type AnswerContext, citationOf, type Retrieved, retrieveFor } from "../context.js";
import { figureInEnglish } from "../english-figures.js";
import { according, sentenceCase } from "../phrasing.js";
import type { Evidence } from "../pick-evidence.js";
import type { Citation } from "../types.js";
import { figureEvidence } from "./figure.js";

const ZH_SIDES = [
  /^(.+?)(?:和|与|跟|同|还是|、)(.+?)(?:相比|比较|对比)?(?:哪个|哪一个|谁|哪项|哪方面)/,
  /^(.+?)比(?!例|重|率|赛|如|方|分|拼|较)(.+?)(?:更|还)?(?:多|高|大|快|少|低|小|慢|强)/,
  /^(.+?)(?:和|与|跟)(.+?)(?:相比|比较|对比)/,
];
const EN_SIDES = [
  /\b(?:which|what|whose|who)\b[^,:]*[,:]\s*(.+?)\s+or\s+(.+?)[?.]*$/i,
  /\b(?:higher|larger|bigger|greater|faster|lower|smaller|slower)\s+for\s+(?:the\s+)?(.+?)\s+or\s+(?:for\s+)?(?:the\s+)?(.+?)[?.]*$/i,
  /^(?:[^,]*,\s*)?(?:are|is|was|were|did|does|do|has|have)\s+(?:the\s+)?(.+?)\s+or\s+(?:the\s+)?(.+?)\s+(?:bigger|larger|higher|greater|faster|more|smaller|lower|less|fewer|slower)\b/i,
  /\bmore\s+(.+?)\s+or\s+(?:more\s+)?(.+?)[?.]*$/i,
  /^\s*how\s+(?:does|do|did|is|are|was)\s+(.+?)\s+compare\s+(?:with|to|against)\s+(.+?)[?.]*$/i,
  /^\s*(?:did|does|do|is|was|has|have)\s+(.+?)\s+(?:grow|grew|rise|rose|increase|increased|expand|expanded|go up|went up|get|got|become|do|did)?\s*(?:faster|more|higher|bigger|larger|greater|slower|less|lower|smaller)\s+than\s+(.+?)[?.]*$/i,
  /\bcompare\s+(?:the\s+)?(.+?)\s+(?:and|with|to|versus|vs\.?)\s+(?:the\s+)?(.+?)[?.]*$/i,
  /\bdifference between\s+(?:the\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)[?.]*$/i,
  /^(.+?)\s+(?:vs\.?|versus)\s+(.+?)[?.]*$/i,
];

/** A comparison asked as yes or no ("Did A grow faster than B?", "A比B多吗"): its answer opens with the verdict. */
const YES_NO_FORM =
  /^\s*(?:did|does|do|is|are|was|were|has|have|will)\b|[吗么][？?]?\s*$|是不是|是否/i;

const SMALLER = /少|低|小|慢|smaller|lower|less|fewer|slower|least|lowest|smallest/i;

/** The two things a comparison question sets side by side, in its own words. */
export function sidesOf(question: string): [string, string] | undefined {
  const q = question.trim();
  for (const re of /[\u3400-\u9fff]/.test(q) ? ZH_SIDES : EN_SIDES) {
    const m = q.match(re);
    const clean = (x: string) =>
      x.replace(/^[\s,，、。]+|[\s,，、。？?]+$/g, "").replace(/^(?:今年|去年|明年)的?/, "");
    if (m?.[1] && m[2]) return [clean(m[1]), clean(m[2])];
  }
  return undefined;
}

type Side = { words: string; evidence: Evidence };

/** A figure as its clause writes it, with its unit: "2500亿元", "6.2万亩", "5.5%". */
function withUnit(s: Side, f: { raw: string }): string {
  const text = s.evidence.span.text;
  const at = text.indexOf(f.raw);
  if (at < 0) return f.raw;
  const unit =
    text
      .slice(at + f.raw.length)
      .match(
        /^(?:万亿|亿|万)?(?:美元|元|亩|吨|公里|平方米|千瓦|标箱|人次|个百分点|[个家项所座条处件只头辆列场批支架艘套户名位次届款部种本人天年倍])?/,
      )?.[0] ?? "";
  return `${f.raw}${unit}`;
}

/**
 * Which of two is larger (or smaller, as asked), computed from the two cited figures:
 * zh "文创产业规模更大：2500亿元，体育产业为1100亿元 [1]。"
 * en "Cultural and creative industries are larger: 250 billion yuan against 110 billion yuan for sports [1]."
 */
export async function compareAnswer(
  reading: Reading,
  retrieved: Retrieved,
  ctx: AnswerContext,
): Promise<{ text: string; citations: Citation[] } | undefined> {
  const pair = sidesOf(reading.standalone);
  if (!pair) return undefined;
  // what both sides share ("规模" in 体育产业和文创产业哪个规模大) goes with each
  let shared = reading.subject.searchText;
  for (const w of pair) shared = shared.replace(w, " ");
  shared = shared
    .replace(/\b(?:and|or|vs|versus|with|to|than)\b|[和与跟同还是、]|\s+/gi, " ")
    .trim();
  const found: Side[] = [];
  for (const side0 of pair) {
    const words = side0;
    const text = `${side0} ${shared}`.trim();
    const side = await retrieveFor(reading, ctx, 5, { text, scope: retrieved.scope });
    const e = figureEvidence(
      { ...reading, subject: { searchText: words, topic: words } },
      side,
      ctx,
      {
        figure: true,
        rank: false,
        unit: reading.unit,
      },
    );
    if (!e?.figures[0]) return undefined;
    found.push({ words, evidence: e });
  }
  const [a, b] = found as [Side, Side];
  const fa = a.evidence.figures[0];
  const fb = b.evidence.figures[0];
  if (!fa || !fb || fa.percent !== fb.percent) return undefined;
  // two sides that found the same figure of the same clause compare nothing
  if (
    a.evidence.hit.passage.id === b.evidence.hit.passage.id &&
    fa.index === fb.index &&
    fa.raw === fb.raw
  )
    return undefined;
  const smaller = SMALLER.test(reading.question.replace(/更|\bthan\b/g, ""));
  const aWins = smaller ? fa.value <= fb.value : fa.value >= fb.value;
  const [win, lose] = aWins ? [a, b] : [b, a];
  const fw = (aWins ? fa : fb) as NonNullable<typeof fa>;
  const fl = (aWins ? fb : fa) as NonNullable<typeof fa>;
  const citations: Citation[] = [citationOf(win.evidence.hit, 1, ctx)];
  const nLose = lose.evidence.hit.passage.id === win.evidence.hit.passage.id ? 1 : 2;
  if (nLose === 2) citations.push(citationOf(lose.evidence.hit, 2, ctx));
  const doc = ctx.docs.get(win.evidence.hit.passage.doc);
  const quotes =
    nLose === 1
      ? `${win.evidence.span.text} [1]`
      : `${win.evidence.span.text} [1]；${lose.evidence.span.text} [2]`;
  if (reading.language === "zh") {
    const adj = smaller ? "更小" : "更大";
    const yes = YES_NO_FORM.test(reading.standalone) ? (aWins ? "是的，" : "不是，") : "";
    return {
      text: `${yes}${win.words}${adj}：${withUnit(win, fw)}，${lose.words}为${withUnit(lose, fl)} ${nLose === 2 ? "[1][2]" : "[1]"}。${doc ? according(doc, "zh") : ""}${quotes}。`,
      citations,
    };
  }
  const adj = smaller ? "smaller" : "larger";
  const yes = YES_NO_FORM.test(reading.standalone) ? (aWins ? "Yes — " : "No — ") : "";
  const inSpan = (s: Side, f: typeof fw) =>
    figureInEnglish(s.evidence.span.text, { ...f, index: s.evidence.span.text.indexOf(f.raw) });
  const we = inSpan(win, fw);
  const le = inSpan(lose, fl);
  const src = doc ? according(doc, "en", ctx.places.ofDoc.get(doc.doc)?.en[0]) : "";
  const proof =
    nLose === 1
      ? `“${win.evidence.span.text}” [1]`
      : `“${win.evidence.span.text}” [1]; “${lose.evidence.span.text}” [2]`;
  return {
    text: `${yes}${sentenceCase(win.words)} ${/s$/i.test(win.words) ? "are" : "is"} ${adj}: ${we} against ${le} for ${lose.words} [1]${nLose === 2 ? "[2]" : ""}. ${sentenceCase(src)}${src ? "" : "The report: "}${proof}.`,
    citations,
  };
}
