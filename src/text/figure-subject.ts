import type { Figure } from "./numbers.js";

/**
 * The words a figure belongs to inside its clause. In the reports a figure follows its
 * subject ("国家高新技术企业突破1.3万家") or the verb that follows it; a second figure after
 * 、 or 和 with only a verb of its own ("、增长13%") shares the subject before it; and 分别
 * hands the items listed before it to the figures after it in order
 * ("体育、文创产业规模分别提升至1100亿元、2500亿元": 体育 -> 1100亿元, 文创 -> 2500亿元).
 * Returns, per figure, the text its subject is read from.
 */
export function figureSubjects(
  clause: string,
  figures: Pick<Figure, "index" | "raw">[],
  isWord: (w: string) => boolean = () => false,
): string[] {
  const out: string[] = [];
  const respectively = clause.indexOf("分别");
  const after = figures.filter((f) => f.index > respectively).length;
  const listed = listedItems(respectively > 0 ? clause.slice(0, respectively) : "", after, isWord);
  // "609件市人大代表建议、772件市政协委员提案全部办结", "875个重大项目加快推进": the clause
  // opens with its figure, and each figure's subject follows it
  const lead = figures[0] ? stripVerbs(clause.slice(0, figures[0].index)) : "x";
  if (lead.length < 2 && respectively < 0 && figures.length) {
    return figures.map((f, i) => {
      const next = figures[i + 1];
      return clause.slice(f.index + f.raw.length, next ? next.index : clause.length);
    });
  }
  let from = 0;
  let lastOwn = "";
  figures.forEach((f, i) => {
    const before = clause.slice(from, f.index);
    from = f.index + f.raw.length;
    if (respectively > 0 && f.index > respectively && listed.length > 1) {
      const k = figures.filter((g, j) => j < i && g.index > respectively).length;
      const item = listed[Math.min(k, listed.length - 1)] as string;
      out.push(`${item}${listed.shared}`);
      return;
    }
    // only a verb and punctuation of its own: the subject is the previous figure's
    const own = before.replace(
      /[、，,和及与以及\s]|增长|增加|下降|减少|提高|提升|达到?|超过?|突破|增至|降至|分别|同比|较上年|比上年|其中|左右|以上/g,
      "",
    );
    // "统筹推进158个重大项目": the noun a figure counts is part of what it is about
    const counted = COUNTED.exec(clause.slice(from))?.[1] ?? "";
    if (own.length < 2 && lastOwn) out.push(`${lastOwn}${before}${counted}`);
    else {
      lastOwn = before;
      out.push(`${before}${counted}`);
    }
  });
  return out;
}

type Listed = string[] & { shared: string };

/** A counting word, then the noun it counts: "个重大项目", "项国家改革试点任务". */
const COUNTED =
  /^(?:万|亿)?(?:个|家|项|所|座|条|处|件|只|头|辆|列|场|批|支|架|艘|套|户|名|位|人次|人|款|部|种|本|张|台|间|栋|片|批次)(?!百分点)([\u3400-\u9fff“”]{2,16})/;

/** A clause's text without punctuation, verbs of change and qualifiers: what names a subject. */
const stripVerbs = (text: string) =>
  text.replace(
    /[、，,和及与以及\s]|增长|增加|下降|减少|提高|提升|达到?|超过?|突破|增至|降至|分别|同比|较上年|比上年|其中|左右|以上|累计|新增|全年|共|约|连续/g,
    "",
  );

/** "金融机构存贷款余额", 2 -> ["金融机构存", "金融机构贷"] sharing "款余额". */
function contracted(item: string, n: number, isWord: (w: string) => boolean): Listed {
  for (let p = 0; p + n < item.length; p++) {
    const mods = [...item.slice(p, p + n)];
    const next = item[p + n] as string;
    if (new Set(mods).size === n && mods.every((m) => isWord(m + next))) {
      const prefix = item.slice(0, p);
      return Object.assign(
        mods.map((m) => prefix + m),
        { shared: item.slice(p + n) },
      );
    }
  }
  return Object.assign([item], { shared: "" });
}

/**
 * "体育、文创产业规模" -> ["体育", "文创"] with the shared head "产业规模"; "第一、第二、第三产业增加值"
 * -> ["第一", "第二", "第三"] with "产业增加值"; whole items when one character would be left over
 * ("城镇调查失业率、居民消费价格涨幅"); a contracted pair for `n` figures, "存贷款余额" ->
 * ["存", "贷"] with "款余额" when 存款 and 贷款 are words (进出口 -> 进口, 出口 likewise).
 */
function listedItems(text: string, n: number, isWord: (w: string) => boolean): Listed {
  const head = text.split(/[，,；;：:]/).pop() ?? text;
  const items = head.split(/[、和及与]/).filter(Boolean);
  if (items.length === 1 && n >= 2) return contracted(items[0] as string, n, isWord);
  if (items.length < 2) return Object.assign(items, { shared: "" });
  // a middle item is bare; the first may carry a lead-in (其中), the last the shared head
  const len = (items.length > 2 ? items[1] : items[0])?.length ?? 0;
  const last = items[items.length - 1] as string;
  const shared = last.length > len ? last.slice(len) : "";
  // one character left over is no head: the items are whole ("城镇调查失业率、居民消费价格涨幅")
  if (shared.length === 1) return Object.assign(items, { shared: "" });
  items[0] = (items[0] as string).slice(-len);
  items[items.length - 1] = last.slice(0, len);
  return Object.assign(items, { shared });
}
