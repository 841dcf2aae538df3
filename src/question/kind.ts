/**
 * What shape of answer a question wants, read from its wording (zh and en):
 * - figure: one number ("多少家", "how many", "what was the growth rate");
 * - rank: a place in a ranking ("排第几", "what rank");
 * - yesno: a verdict ("…吗", "是否", "Did…?");
 * - compare: which of two is larger, or how two differ ("A和B哪个大", "Are deposits or loans bigger?");
 * - list: the items of a kind ("哪些项目", "Which events…");
 * - open: what was or will be done about a topic ("怎么做", "What are the plans for…");
 * - problems: the shortcomings the report admits;
 * - about: the report itself (its year, place, speaker, date);
 * - table: one line per report ("各省…", "历年…", "Which provinces…").
 */
export type Kind =
  | "figure"
  | "rank"
  | "yesno"
  | "compare"
  | "list"
  | "open"
  | "problems"
  | "about"
  | "table";

const ABOUT_ZH =
  /(?:这份|这个|本|该)?(?:政府)?(?:工作)?报告(?:是)?(?:哪一?年|什么时候|何时|谁|哪位|由谁|在哪|哪个(?:城市|地方|省)|几月|哪天)|(?:谁|哪位|由谁)(?:作|做|发布|宣读|作的|做的)(?:了)?(?:这份|这个|本)?(?:政府)?(?:工作)?报告|以谁的名义|报告(?:的)?(?:作者|报告人|发布时间|日期|标题|名称)|报告(?:讲|说|谈)了?(?:哪些|什么)(?:方面|内容|部分)|报告(?:分为|包括|有)(?:哪几|几)(?:个)?部分|哪一?年的(?:政府)?(?:工作)?报告|回顾(?:的是)?哪一?年|哪次(?:人代会|会议|人民代表大会)/;
const ABOUT_EN =
  /\b(?:who|when|which year|what year|where|what date|which city|what city)\b[^?]*\b(?:deliver(?:ed|ing)?|present(?:ed|ing)?|gave|give|given|written|wrote|report(?:'s)?|document|review)\b[^?]*\??\s*$|\b(?:title|date|speaker|author) of (?:the|this) (?:report|document)\b|\bwhat (?:does|is) (?:the|this) (?:report|document)(?: cover| about)?\b|\bwhat parts\b|\bin whose name\b/i;

const TABLE_ZH =
  /各省|各地|各市|哪些省|哪几个省|哪些地区|哪几个地区|每个省|所有省|各省份|省份中|历年|各年|逐年|历届|这些年|几年来|哪些年|哪几年/;
const TABLE_EN =
  /\b(?:each|every|all|which|what) (?:of the )?(?:provinces?|regions|reports|years|municipalities|autonomous regions)\b|\bprovinces\b|\bover the years\b|\byear by year\b|\bacross (?:the )?(?:provinces|regions|years|reports)\b|\bin which years?\b|\bwhich year (?:had|saw|set)\b/i;

const COMPARE_ZH =
  /哪个[^，。？?、]{0,6}(?:多|大|高|快|少|小|低|慢|强|好)|哪一个(?:更)?(?:多|大|高|快)|谁(?:更|比较)?(?:多|大|高|快)|还是.{1,20}(?:多|大|高|快|少|小|低)|比(?!例|重|率|赛|如|方|分|拼|较)[^，。？?]{1,20}(?:多|大|高|快|少|小|低|强)|相比|对比|比较一下|差距多大|相差多少|差多少|高出|多出/;
const COMPARE_EN =
  /\b(?:bigger|larger|higher|greater|faster|smaller|lower|slower|more|less|fewer) than\b(?!\s*(?:\$|¥)?\d|\s+(?:half|a (?:third|quarter|half)|double|twice|one|two|three|four|five|six|seven|eight|nine|ten|a hundred|a thousand|a million|a billion))|\bwhich (?:is|was|are|were|one|grew|rose)\b[^?]*\b(?:bigger|larger|higher|greater|faster|more|smaller|lower|less)\b|\b(?:bigger|larger|higher|greater|faster)\b[^?]*\bor\b|\bor\b[^?]*\b(?:bigger|larger|higher|greater|faster)\b|\bcompare[sd]?\b|\bcomparison\b|\bversus\b|\bvs\.?\b|\bdifference between\b/i;

const THAN_BEFORE =
  /\b(?:more|higher|bigger|larger|greater|faster|less|lower|fewer|smaller|slower) than (?:before|earlier|previously|last year|the year before|the previous year|a year (?:ago|earlier)|in (?:19|20)\d\d)\b|比(?:去年|前年|上年|上一年|前一年|之前|以前|往年)(?:同期)?(?:更)?(?:多|高|大|快|少|低|小|慢|增长|增加|提高|下降|减少)/i;

// 么 ends a yes/no question (好么) but not 什么, 怎么, 这么
const YESNO_ZH =
  /(?:吗|(?<![什怎这那])么|嘛)[？?！!。.\s]*$|是否|有没有|是不是|能不能|会不会|有无|可否|没有.{0,12}吗|了没|没有?达到|达到了?没|(.)不\1/;
const YESNO_EN =
  /^\s*(?:and\s+|so\s+|but\s+)?(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall|isn't|aren't|wasn't|didn't|doesn't)\b/i;

const RANK =
  /第几|排名|排第|排在|名次|位居|位列|排行|\branks?\b|\branked\b|\branking\b|\b(?:which|what) (?:place|position)\b|\btop \d+\b|\bhow (?:high|low) (?:does|did|is)\b[^?]*\brank/i;

const FIGURE_ZH =
  /多少|几[个家项年次条所座万亿%位名人辆倍]|多大|多高|多快|多长|多远|多重|比例|比重|占比|增速|增幅|增长率|涨幅|降幅|规模|总额|金额|数量|总量|产量|人数|几成|百分之几|几个百分点/;
const QUANTITY_EN =
  "percentage|percent|share|rate|proportion|number|amount|figure|growth|target|level|total|value|size|ratio|gdp|output|volume|balance|revenue|income|population|count|price|cost|budget|deficit|area|length|capacity|turnover";
const FIGURE_EN = new RegExp(
  `\\bhow (?:many|much|fast|far|long|large|big|high|low)\\b|\\bwhat(?:'s| is| was| will be)\\s+(?:the |its |their |chengdu's |china's )?(?:[\\w&'-]+ ){0,4}?(?:${QUANTITY_EN})\\b(?! (?:plans?|measures?|policies|efforts|steps))|\\bby how much\\b|\\bwhat (?:percentage|share|proportion)\\b`,
  "i",
);

/** What an open question asks for when it says 哪些/什么: the work, not a list of things. */
const OPEN_NOUNS =
  "工作|成效|成果|成绩|进展|新进展|措施|举措|变化|亮点|安排|部署|打算|计划|目标|机遇|挑战|考虑|想法|特点|方面|作为|经验|做法|突破|任务|思路|办法";
const LIST_ZH = new RegExp(
  `(?<!(?:${OPEN_NOUNS})[^，。？?]{0,3})(?:哪些|哪几|有什么|都有啥|有啥)(?![^，。？?]{0,4}(?:${OPEN_NOUNS}))|列举|都有谁|哪几家|名单|清单`,
);
const LIST_EN =
  /^\s*(?:which|list|name)\b|\bwhich (?:\w+ ){0,2}(?:projects|events|companies|enterprises|firms|industries|sectors|areas|fields|cities|countries|measures|platforms|parks|facilities|lines|routes|programs|programmes|schemes|brands|organizations|institutions)\b|\bwhat (?:are|were) (?:the )?(?:\w+ ){0,2}(?:projects|events|companies|enterprises|firms|industries|sectors|areas|fields|cities|countries|platforms|parks|facilities|lines|routes)\b|\bname (?:the|some|a few)\b|\blist (?:the|of)\b/i;

/** The kind of answer a question wants (see Kind). */
export function questionKind(text: string): Kind {
  if (ABOUT_ZH.test(text) || ABOUT_EN.test(text)) return "about";
  // "more than before", "比去年多吗": a change over time, not two things side by side
  if (THAN_BEFORE.test(text))
    return YESNO_ZH.test(text) || YESNO_EN.test(text) ? "yesno" : "figure";
  if (TABLE_ZH.test(text) || TABLE_EN.test(text)) return "table";
  if (COMPARE_ZH.test(text) || COMPARE_EN.test(text)) return "compare";
  if (YESNO_ZH.test(text) || YESNO_EN.test(text)) return "yesno";
  if (RANK.test(text)) return "rank";
  if (FIGURE_ZH.test(text) || FIGURE_EN.test(text)) return LIST_ZH.test(text) ? "list" : "figure";
  if (LIST_ZH.test(text) || LIST_EN.test(text)) return "list";
  return "open";
}

/** Does a question ask for a number (so a figure must answer it), whatever its kind? */
export const asksNumber = (text: string): boolean =>
  RANK.test(text) || FIGURE_ZH.test(text) || FIGURE_EN.test(text);
