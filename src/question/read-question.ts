import { askedDirection, type Direction } from "../text/direction.js";
import { detectLanguage } from "../text/language.js";
import { findFigures } from "../text/numbers.js";
import { askedUnit, asksTotal } from "./answer-type.js";
import { FOLLOW_UP_LEAD, looksLikeFollowUp, PRONOUNS, previousTurn } from "./follow-up.js";
import { asksNumber, type Kind, questionKind } from "./kind.js";
import { normalizeQuestion } from "./normalize.js";
import { findPlaces, hasReport, nationCue, type PlaceIndex, provinceCue } from "./places.js";
import { regionPlaces } from "./regions.js";
import { subjectOf } from "./subject.js";
import type { Reading, Scope, Turn } from "./types.js";
import { arabicYears, explicitYears, partCue, relativeYear, reportYears } from "./years.js";

export type ReadContext = { places: PlaceIndex };

/**
 * Words that name no topic of their own: a fragment made only of them is a follow-up. Besides
 * measures and plans, the words of how much or how fast (fast, highest, 最快) and the ranges a
 * figure ranks in (全国, 中西部, western China): "Is that the highest in western China?"
 */
const GENERIC =
  /^(?:增长|增加|下降|减少|提高|规模|数量|总量|目标|计划|打算|安排|情况|多少|排名|第几|排第|排在|名次|位居|之前|以前|去年|增速|增幅|比例|占比|金额|人数|数字|数据|结果|成效|最高|最多|最大|最快|全国|中西部|西部|东部|中部|figure|number|amount|rate|growth|target|plan|plans|total|rank|size|share|result|results|level|change|trend|more|less|before|previous|earlier|increase|decrease|figures|numbers|that|this|it|year|fast|faster|quickly|big|bigger|large|larger|high|higher|highest|largest|biggest|most|grow|grew|rise|rose|western|eastern|central|china|country|cities|among)$/i;

/** Han runs (particles aside) and Latin words of a topic. */
const topicWords = (topic: string) =>
  topic
    .replace(/[的了是有在和与及将要也都还就]/g, " ")
    .match(/[\u3400-\u9fff]{2,}|[a-z][a-z0-9&'-]+/gi) ?? [];

/** The Chinese words of GENERIC, to find inside a run of Han characters ("全国排第"). */
const GENERIC_HAN = new RegExp(
  (GENERIC.source.match(/[\u3400-\u9fff]+/g) ?? []).sort((a, b) => b.length - a.length).join("|"),
  "g",
);

const isMeaningful = (topic: string) =>
  topicWords(topic.replace(GENERIC_HAN, " ")).some((w) => !GENERIC.test(w));

/** "农村的呢", "民营企业的呢": a fragment that qualifies the previous topic, not one of its own. */
const QUALIFIER_ZH = /的[呢吗]?[？?。！!\s]*$/;

/** The fragment's kind when its own words say it, else undefined (it inherits one). */
function ownKind(text: string): Kind | undefined {
  const kind = questionKind(text);
  if (kind !== "open") return kind;
  return /怎么|如何|打算|措施|举措|做了|干了|what did|what will|how (?:is|are|did|will)/i.test(text)
    ? "open"
    : undefined;
}

/** "比前年多了吗", "比去年低": more or less than before is a direction asked about. */
const MORE_THAN_BEFORE =
  /比(?:去年|前年|上年|上一年|前一年|之前|以前|往年)(?:同期)?(?:还|更)?(?:多|高|大|快)/;
const LESS_THAN_BEFORE =
  /比(?:去年|前年|上年|上一年|前一年|之前|以前|往年)(?:同期)?(?:还|更)?(?:少|低|小|慢)/;
const againstThePast = (text: string): Direction | undefined =>
  MORE_THAN_BEFORE.test(text) ? "up" : LESS_THAN_BEFORE.test(text) ? "down" : undefined;

type Parts = Omit<Reading, "question" | "standalone" | "followUp" | "language">;

/** Read one question on its own: kind, answer type, scope, subject. */
function readAlone(question: string, ctx: ReadContext): Parts {
  const text = arabicYears(normalizeQuestion(question));
  const mentions = findPlaces(text, ctx.places);
  const named = reportYears(text);
  const years = explicitYears(named.rest);
  const relative = relativeYear(text);
  let kind = questionKind(text);
  const part = partCue(text, relative);
  if (part === "problems" && (kind === "open" || kind === "list")) kind = "problems";
  const scope: Scope = {
    years,
    ...(named.years.length ? { reportYears: named.years } : {}),
    relative,
    part,
    // a group (四个直辖市, the five autonomous regions) stands for its members
    places: mentions.length
      ? [...new Set(mentions.map((m) => m.place))]
      : regionPlaces(text, ctx.places),
    level: nationCue(text) ? "national" : provinceCue(text) ? "province" : undefined,
  };
  const figures = findFigures(text.replace(/(?<![\d.])(?:19|20)\d{2}(?=\s*年|\b)/g, " ")).filter(
    (f) => f.value > 0,
  );
  return {
    kind,
    asksNumber: asksNumber(text),
    unit: askedUnit(text),
    ...(asksTotal(text) ? { total: true } : {}),
    direction: askedDirection(text) ?? againstThePast(text),
    figures,
    scope,
    // a place with a report sets the scope; one without stays a word of the question
    subject: subjectOf(
      named.rest,
      mentions.filter((m) => hasReport(ctx.places, m.place)),
    ),
  };
}

/** A canonical question for a merged reading: what the model and the logs are shown. */
function standaloneText(r: Parts, zh: boolean): string {
  const where = r.scope.places
    .map((p) => (zh ? p.name : (p.en[0] ?? p.name)))
    .join(zh ? "、" : " and ");
  const when = r.scope.years.length ? r.scope.years.join(zh ? "、" : ", ") : "";
  if (zh) {
    const frame: Record<Kind, string> = {
      figure: "是多少",
      rank: "排第几",
      yesno: "吗",
      compare: "哪个更大",
      list: "有哪些",
      open: "有哪些工作",
      problems: "存在哪些问题",
      about: "",
      table: "是多少",
    };
    return `${where}${when ? `${when}年` : ""}${r.subject.searchText}${frame[r.kind]}？`;
  }
  const lead: Record<Kind, string> = {
    figure: "What is",
    rank: "What rank is",
    yesno: "Is it true:",
    compare: "Which is larger:",
    list: "Which are",
    open: "What about",
    problems: "What problems about",
    about: "",
    table: "What is",
  };
  return `${lead[r.kind]} ${r.subject.searchText}${where ? ` in ${where}` : ""}${when ? ` in ${when}` : ""}?`.trim();
}

/**
 * A fragment said again in full where its own words can carry it: its pronoun replaced by
 * the previous topic ("Was that faster than R&D spending?" -> "Was technology contract
 * turnover faster than R&D spending?"), or the previous topic put before a comparison that
 * starts with 比 / than ("比制造业重大项目多吗").
 */
function restated(question: string, before: Reading): string | undefined {
  const topic = before.subject.topic;
  if (!topic) return undefined;
  const q = question.trim();
  if (/^(?:比|跟|和|与|than\b|compared (?:with|to)\b)/i.test(q))
    return `${topic}${/^[a-z]/i.test(q) ? " " : ""}${q}`;
  let replaced = false;
  const out = q.replace(new RegExp(PRONOUNS.source, "i"), () => {
    replaced = true;
    return topic;
  });
  return replaced ? out : undefined;
}

/**
 * The previous question with the fragment's new parts put in: its year ("那2022年呢？" after
 * "2023年全社会研发经费投入增长多少？" -> "2022年全社会研发经费投入增长多少？"), its place, or its
 * topic where the previous question's topic stands in its text.
 */
function substituted(
  question: string,
  before: Reading,
  fragment: Parts,
  newTopic: boolean,
): string | undefined {
  let text = before.standalone;
  let changed = false;
  if (fragment.scope.years.length) {
    const year = `${fragment.scope.years.join("、")}`;
    const zh = /[\u3400-\u9fff]/.test(text);
    const replaced = text.replace(/(?:19|20)\d{2}(?=\s*年)|(?<=\bin\s)(?:19|20)\d{2}\b/, year);
    text =
      replaced !== text
        ? replaced
        : zh
          ? `${year}年${text}`
          : `${text.replace(/[?？]$/, "")} in ${year}?`;
    changed = true;
  }
  if (newTopic) {
    const topic = before.subject.topic;
    if (!topic || !text.includes(topic)) return undefined;
    text = text.replace(topic, fragment.subject.topic);
    changed = true;
  }
  if (fragment.scope.places.length && !newTopic) return undefined;
  // "是多少", "排第几": the previous question, asked again in the fragment's own way
  if (!changed)
    return (ownKind(question) ?? before.kind) === before.kind ? before.standalone : undefined;
  return text !== question ? text : undefined;
}

/**
 * Read a question once, in the conversation it comes in: a fragment ("那2023年呢？", "And for
 * hotels?", "它排第几") takes what it lacks (topic, kind, places, years) from the previous
 * question, and a pronoun stands for the previous topic.
 */
export function readQuestion(question: string, history: Turn[], ctx: ReadContext): Reading {
  const language = detectLanguage(question);
  const own = readAlone(question, ctx);
  const prev = previousTurn(history);
  const meaningful = isMeaningful(own.subject.topic.replace(PRONOUNS, " "));
  if (!prev || !looksLikeFollowUp(question, meaningful)) {
    return { ...own, question, standalone: question, followUp: false, language };
  }
  const before = readQuestion(prev.question, prev.before, ctx);
  const fragment = readAlone(question.replace(FOLLOW_UP_LEAD, " ").replace(PRONOUNS, " "), ctx);
  const newTopic = isMeaningful(fragment.subject.topic);
  const kind = ownKind(question) ?? before.kind;
  const qualifies = newTopic && QUALIFIER_ZH.test(question);
  const subject = qualifies
    ? {
        searchText: `${fragment.subject.searchText} ${before.subject.searchText}`.trim(),
        topic: fragment.subject.topic,
      }
    : newTopic
      ? fragment.subject
      : {
          searchText: `${before.subject.searchText} ${fragment.subject.searchText}`.trim(),
          topic: before.subject.topic,
        };
  const scope: Scope = {
    // a fragment that names its own time ("this year", "the plan") drops the years before
    years: fragment.scope.years.length
      ? fragment.scope.years
      : fragment.scope.relative || fragment.scope.part
        ? []
        : before.scope.years,
    relative: fragment.scope.years.length
      ? fragment.scope.relative
      : (fragment.scope.relative ?? before.scope.relative),
    part:
      fragment.scope.part ??
      (fragment.scope.years.length || fragment.scope.relative ? undefined : before.scope.part),
    places: fragment.scope.places.length ? fragment.scope.places : before.scope.places,
    ...((fragment.scope.reportYears ?? before.scope.reportYears)
      ? { reportYears: fragment.scope.reportYears ?? before.scope.reportYears }
      : {}),
    level: fragment.scope.places.length
      ? fragment.scope.level
      : (fragment.scope.level ?? before.scope.level),
  };
  const merged: Parts = {
    kind,
    asksNumber: fragment.asksNumber || (kind === before.kind && before.asksNumber),
    unit: fragment.unit ?? (kind === before.kind ? before.unit : undefined),
    ...(fragment.total || (kind === before.kind && before.total) ? { total: true } : {}),
    direction: fragment.direction ?? before.direction,
    figures: fragment.figures.length ? fragment.figures : before.figures,
    scope,
    subject,
  };
  const zh = /[\u3400-\u9fff]/.test(subject.searchText) || before.language === "zh";
  return {
    ...merged,
    question,
    standalone:
      restated(question, before) ??
      substituted(question, before, fragment, newTopic) ??
      standaloneText(merged, zh),
    followUp: true,
    language,
  };
}
