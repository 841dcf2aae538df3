import { readFile } from "node:fs/promises";
import type { Indicator } from "./types.js";

/** indicators.tsv: key, English names, Chinese names (see the file's header). */
function parseIndicators(text: string): Indicator[] {
  const out: Indicator[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [key = "", en = "", zh = ""] = line.split("\t").map((s) => s.trim());
    const names = (s: string) =>
      s
        .split("|")
        .map((x) => x.trim())
        .filter(Boolean);
    if (key && names(en).length && names(zh).length)
      out.push({ key, en: names(en), zh: names(zh) });
  }
  return out;
}

export async function readIndicators(
  url: URL = new URL("./indicators.tsv", import.meta.url),
): Promise<Indicator[]> {
  return parseIndicators(await readFile(url, "utf8"));
}

/** Place words a report speaks of itself with (全省地区生产总值 is 地区生产总值). */
const SELF_PLACE = /^(?:全省|全市|全区|全国|全县|全州|我省|我市|我区|我国|本省|本市)/;

/** An indicator's text for comparing: no spaces, no place words of its own. */
export const indicatorForm = (s: string) => s.replace(/\s+/g, "").replace(SELF_PLACE, "");

const englishForm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^a-z0-9&]+/g, " ")
    .trim()} `;

/** Words of an English question about a figure that name no indicator (growth, target…). */
const EN_FRAMING =
  /\b(?:the|a|an|of|in|for|on|by|to|at|and|or|with|its|their|rate|rates|growth|grow|grew|target|targets|targeted|goal|goals|plan|planned|set|figure|figures|level|total|annual|yearly|each|every|all|province|provinces|city|cities|region|regions|report|reports|what|which|how|much|many|was|were|is|are|did|does|do|has|have)\b/g;

/**
 * The vocabulary of indicators, ready for matching: an indicator's key is the one whose
 * Chinese name is the longest found in it; an English text names the keys whose English
 * names hold all its words.
 */
export class IndicatorVocabulary {
  private readonly zh: [string, Indicator][];
  private readonly byKey: Map<string, Indicator>;

  constructor(readonly indicators: Indicator[]) {
    this.zh = indicators
      .flatMap((ind) => ind.zh.map((name): [string, Indicator] => [name, ind]))
      .sort((a, b) => b[0].length - a[0].length);
    this.byKey = new Map(indicators.map((i) => [i.key, i]));
  }

  get(key: string): Indicator | undefined {
    return this.byKey.get(key);
  }

  /**
   * The indicator a Chinese indicator text names, by its longest Chinese name in it; a share
   * of one thing in another (财政赤字占国内生产总值的比重) is about the first.
   */
  keyOf(text: string): Indicator | undefined {
    const t = text.replace(/\s+/g, "");
    if (/^占.*(?:比重|比例)$/.test(t)) return undefined;
    const share = t.match(/^(.{2,}?)占.*(?:比重|比例)$/)?.[1];
    if (share) return this.keyOf(share);
    return this.zh.find(([name]) => t.includes(name))?.[1];
  }

  /** Every indicator a Chinese text names, longest names first, none inside another's match. */
  keysIn(text: string): Indicator[] {
    let t = text.replace(/\s+/g, "");
    const out: Indicator[] = [];
    for (const [name, ind] of this.zh) {
      if (!t.includes(name)) continue;
      if (!out.includes(ind)) out.push(ind);
      t = t.split(name).join("\u0000");
    }
    return out;
  }

  /**
   * The indicators an English text names: those with an English name that holds every
   * content word of the text and the fewest other words ("GDP growth target" -> gdp;
   * "unemployment" -> both unemployment rates), or, failing that, the English names found
   * whole in the text.
   */
  keysInEnglish(text: string): Indicator[] {
    const form = englishForm(text);
    const words = form.replace(EN_FRAMING, " ").trim().split(/\s+/).filter(Boolean);
    if (words.length) {
      // of the names that hold every word, those with the fewest other words: "GDP" is
      // gdp, not "energy consumption per unit of GDP"
      let best = Number.POSITIVE_INFINITY;
      let all: Indicator[] = [];
      for (const ind of this.indicators) {
        for (const name of ind.en) {
          const form = englishForm(name);
          if (!words.every((w) => form.includes(` ${w} `))) continue;
          const extra = form.trim().split(" ").length - words.length;
          if (extra < best) [best, all] = [extra, [ind]];
          else if (extra === best && !all.includes(ind)) all.push(ind);
        }
      }
      if (all.length) return all;
    }
    // the longest name found in the text wins over the names inside it
    const found: [number, Indicator][] = [];
    for (const ind of this.indicators)
      for (const name of ind.en)
        if (form.includes(englishForm(name))) found.push([englishForm(name).length, ind]);
    found.sort((a, b) => b[0] - a[0]);
    const best = found[0]?.[0];
    return [...new Set(found.filter(([n]) => n === best).map(([, ind]) => ind))];
  }
}
