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
    if (own.length < 2 && lastOwn) out.push(`${lastOwn}${before}`);
    else {
      lastOwn = before;
      out.push(before);
    }
  });
  return out;
}

type Listed = string[] & { shared: string };

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
