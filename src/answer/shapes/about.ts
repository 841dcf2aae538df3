import type { Doc } from "../../ingest/types.js";
import type { Reading } from "../../question/types.js";
import type { Hit } from "../../retrieve/hybrid-search.js";
import { type AnswerContext, citationOf } from "../context.js";
import { planYearOf, reportName, reviewYearsOf, yearsText } from "../report-name.js";
import type { Citation } from "../types.js";

const ASKS_SPEAKER =
  /谁|哪位|作者|报告人|名义|\bwho\b|\bspeaker\b|\bdeliver|\bpresent|\bgave\b|\bwhose\b/i;
const ASKS_VENUE = /哪次|会议|人代会|人民代表大会|\bvenue\b|\bwhere\b|\bcongress\b|\bsession\b/i;
/** "现在，我代表市人民政府，向大会报告工作": who the report is given on behalf of, in its own words. */
const ON_BEHALF = /我代表([^，。、]{2,12}?(?:政府|国务院))/;
const ASKS_DATE = /什么时候|何时|哪天|几月|日期|\bwhen\b|\bdate\b/i;

/**
 * A question about the report itself, answered from its metadata and cited to the first
 * passage of its review (whose section path names the year): which report, which years it
 * reviews and plans, who delivered it and when, when the text says.
 */
export function aboutAnswer(
  reading: Reading,
  docs: Doc[],
  ctx: AnswerContext,
): { text: string; citations: Citation[] } | undefined {
  const doc = docs[0];
  if (!doc || docs.length > 1) return undefined;
  const m = doc.meta;
  const first =
    ctx.index.passages.find((p) => p.doc === doc.doc && p.part === "review") ??
    ctx.index.passages.find((p) => p.doc === doc.doc);
  if (!first) return undefined;
  const hit: Hit = { passage: first, score: 1, lexical: 0, dense: 0 };
  const citations = [citationOf(hit, 1, ctx)];
  const zh = reading.language === "zh";
  const review = yearsText(reviewYearsOf(m), reading.language);
  const plan = planYearOf(m);
  if (ASKS_VENUE.test(reading.question) && !m.date) return undefined;
  if (ASKS_DATE.test(reading.question) && !m.date && !m.year) return undefined;
  if (ASKS_SPEAKER.test(reading.question) && !m.speaker) {
    // no speaker line: the report's own "我代表…政府" says on whose behalf it is given
    const said = ctx.index.passages.find((p) => p.doc === doc.doc && ON_BEHALF.test(p.text));
    const who = said?.text.match(ON_BEHALF)?.[1];
    if (!said || !who) return undefined;
    const c = [citationOf({ passage: said, score: 1, lexical: 0, dense: 0 }, 1, ctx)];
    const quote = said.text.match(/[^，。]*我代表[^，。]*/)?.[0] ?? `我代表${who}`;
    return zh
      ? { text: `${reportName(doc, "zh")}是以${who}的名义作的：“${quote}” [1]。`, citations: c }
      : {
          text: `${reportName(doc, "en", ctx.places.ofDoc.get(doc.doc)?.en[0]).replace(/^./, (x) => x.toUpperCase())} is given on behalf of the ${/国务院/.test(who) ? "State Council" : "government"} (${who}): “${quote}” [1].`,
          citations: c,
        };
  }
  if (zh) {
    const who = m.speaker ? `，由${m.speaker}作` : "";
    const date = m.date ? `，日期为${m.date}` : "";
    return {
      text: `这是${reportName(doc, "zh")}${who}${date}。它回顾${review}的工作${plan ? `，部署${plan}年的任务` : ""} [1]。`,
      citations,
    };
  }
  const en = ctx.places.ofDoc.get(doc.doc)?.en[0];
  const who = m.speaker ? `, delivered by ${m.speaker}` : "";
  const date = m.date ? ` on ${m.date}` : "";
  return {
    text: `This is ${reportName(doc, "en", en)}${who}${date}. It reviews the work of ${review}${plan ? ` and sets out the plan for ${plan}` : ""} [1].`,
    citations,
  };
}
