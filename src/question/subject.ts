import type { PlaceMention } from "./places.js";
import { YEAR_WORDS } from "./years.js";

/**
 * What a question is about once its asking is taken away: the words that must be in the
 * evidence. Question words, politeness, framing ("报告里提到…", "what does the report say
 * about…"), the places and years that set its scope (passages say 全市 and 今年, not 成都
 * and 2024) are removed; content words, verbs of change and target words stay.
 */

const ZH_ASKING = new RegExp(
  [
    "请问一下|请问|请告诉我|告诉我|我想知道|我想了解|想问一下|想问|想了解|想知道|能不能说说|能否|麻烦|帮我查一下|帮我|查一下|说说|讲讲|介绍一下|介绍",
    "(?:根据|按照)?(?:这份|这个|本|该)?(?:市|省)?(?:政府)?工作报告(?:里|中|上)?(?:说)?|(?:这份|这个|该)?报告(?:里|中|上)?(?:说)?",
    "(?:提到|提及|谈到|说到|讲到|指出|显示|表示|写了|说了|讲了|提了)(?:了)?",
    "到底|究竟|具体|大概|大约|一共|总共|共计|目前|现在|已经|总体上|总的来说|主要是",
    "(?:多少|几)(?:个|万|亿|千|百)?(?:百分点|点|个|家|项|所|座|条|处|件|只|头|辆|列|场|批|支|架|艘|套|户|名|位|次|届|款|部|种|本|人次|人|倍|成)?",
    "这类|这种|这些|那些|之类|一下|一年|每年|好多",
    "什么|啥|哪些|哪个|哪一个|哪几个|哪几|哪里|哪儿|怎么样|怎样|怎么|如何|为什么|为何|是否|有没有|是不是|能不能|会不会|有无",
    "打算|计划|准备|将要|采取了?|措施|举措|工作|方面|情况|怎么做|做了|干了|搞了|有何|有啥",
    // how people ask how something went, colloquially: 搞得咋样, 整了啥, 推进得怎么样了
    "(?:搞|整|做|干|办|弄|推进|发展|落实|建设)得?(?:咋样|怎么样|如何|怎样|好不好)(?:了)?|咋样|咋个|咋|整了|弄了|有啥|啥样|进展|成效|变化|新进展|亮点|眼下|当前|这块|这一块|这一年|这方面|觉得|认为|看来",
    "[吗呢吧啊呀嘛么]",
  ].join("|"),
  "g",
);

const EN_ASKING = new RegExp(
  [
    "\\b(?:please|could you|can you|would you|tell me|i(?:'d| would) like to know|i want to know|do you know|let me know)\\b",
    "\\b(?:according to|in|from)\\s+(?:the|this)\\s+(?:government\\s+)?(?:work\\s+)?report\\b|\\b(?:the|this)\\s+(?:government\\s+)?(?:work\\s+)?report(?:'s)?\\b",
    "\\b(?:what|which|who|whom|whose|when|where|why|how)(?:'s)?\\b",
    "\\b(?:does|do|did|is|are|was|were|has|have|had|will|would|can|could|should|shall|be|been|being)\\b",
    "\\b(?:say|says|said|mention|mentions|mentioned|state|states|stated|tell|tells|about|regarding|concerning|admit|admits|admitted|acknowledge|acknowledges|acknowledged|list|lists|name|names)\\b",
    "\\b(?:many|much|exactly|roughly|approximately|currently|now|so far|any|there|it|its|they|their|them)\\b",
    // how a question frames what was or will be done, not what it is about
    "\\b(?:plans?|planned|planning|going to|intends?|measures|steps|efforts|actions|initiatives|done|doing|do|did)\\b",
    // how people ask how something is going: what's going on with, what progress has been made on
    "\\b(?:going on|going|happening|progress|made|around)\\b",
    "\\b(?:bigger|larger|higher|greater|faster|smaller|lower|fewer|slower|more|less|most|least|than|or|which one|one)\\b",
  ].join("|"),
  "gi",
);

/** Articles and particles that add nothing to an English topic. */
const EN_GLUE = /\b(?:the|a|an|of|in|for|on|by|to|at|with|and|or)\b/gi;
/** Verbs of change: part of what is searched, not of the topic an answer names. */
const EN_CHANGE =
  /\b(?:grow|grew|grown|growing|increase[sd]?|increasing|rise|rose|risen|rising|fall|fell|fallen|drop(?:ped)?|decline[sd]?|go up|went up|go down|went down|change[sd]?|reach(?:ed)?|achieve[sd]?|get|got|have|has|had|make|made|do|did|done|spend|spent|invest(?:ed)?)\b/gi;

export type Subject = {
  /** the question's words minus its asking and its scope: what retrieval searches for */
  searchText: string;
  /** a short name of the topic, for an answer to name it: "R&D spending", "研发经费投入" */
  topic: string;
};

const squeeze = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .replace(/^[\s,，、。？?！!：:；;'"“”‘’]+|[\s,，、。？?！!：:；;'"“”‘’]+$/g, "")
    .trim();

/** Remove the scope's words: the places named and the years. */
export function withoutScope(text: string, places: PlaceMention[]): string {
  let out = "";
  let at = 0;
  for (const m of places) {
    out += `${text.slice(at, m.start)} `;
    at = m.end;
  }
  out += text.slice(at);
  return out.replace(YEAR_WORDS, " ");
}

/** The subject of a question (see Subject). */
export function subjectOf(text: string, places: PlaceMention[]): Subject {
  const scoped = withoutScope(text, places)
    .replace(/\b(?:city|province|region|municipality|government)(?:'s)?\b/gi, " ")
    .replace(/(?<![\u3400-\u9fff])[市省](?:的|里|今年|去年)?(?=[\u3400-\u9fff])/g, " ");
  const searchText = squeeze(scoped.replace(ZH_ASKING, " ").replace(EN_ASKING, " "));
  const topic = /[\u3400-\u9fff]/.test(searchText)
    ? squeeze(
        searchText
          .replace(
            /打算|计划|准备|怎么|如何|做了|干了|搞了|做|干|搞|工作|方面|情况|措施|举措/g,
            " ",
          )
          .replace(/^[的了是有要将在和与及\s]+|[的了是有要将在和与及\s]+$/g, ""),
      )
    : squeeze(searchText.replace(EN_CHANGE, " ").replace(EN_GLUE, " "));
  return { searchText: searchText || squeeze(text), topic };
}
