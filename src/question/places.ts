import { pinyin } from "pinyin-pro";
import type { DocMeta, Level } from "../ingest/types.js";
import { GAZETTEER, NATION, type Place } from "./gazetteer.js";

/** The places a corpus knows: the gazetteer plus every document's own place. */
export type PlaceIndex = {
  places: Place[];
  /** the place a document is about (by document id), when its metadata names one */
  ofDoc: Map<string, Place>;
  /** longest name first, so 呼伦贝尔市海拉尔区 wins over 呼伦贝尔 */
  zhNames: [string, Place][];
  enNames: [RegExp, Place][];
};

const SUFFIX = /(?:壮族|回族|维吾尔)?(?:自治区|自治州|自治县|特别行政区|省|市|区|县|旗|盟|州)$/;

/** 四川省 -> 四川; 宁夏回族自治区 -> 宁夏; 呼伦贝尔市海拉尔区 -> 海拉尔 (the last part). */
function shortNames(name: string): string[] {
  const out = new Set<string>();
  const parts = name.split(/(?<=[省市州盟])(?=.{2,})/);
  for (const part of [name, ...parts]) {
    const short = part.replace(SUFFIX, "");
    if (short.length >= 2) out.add(short);
    out.add(part);
  }
  return [...out];
}

/** Hailaer, Hulunbeier: how an English reader spells a Chinese place without its suffix. */
const romanized = (zh: string) => pinyin(zh, { toneType: "none", type: "array" }).join("");

/** The gazetteer entry for a document's place, or a new place made from its name. */
function placeOfMeta(meta: DocMeta): Place | undefined {
  const name = meta.place;
  if (!name) return undefined;
  if (meta.level === "national" || name === NATION.name) return NATION;
  const known = GAZETTEER.find((p) => p.name === name || p.zh.includes(name));
  if (known) return known;
  const zh = shortNames(name);
  const level: Level = meta.level ?? (/[区县旗]$/.test(name) ? "district" : "city");
  const en = zh.filter((z) => z.length >= 2 && z !== name).map(romanized);
  return { name, level, zh, en };
}

const escapeName = (s: string) =>
  s.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "'?" : `\\${c}`));

/** Every name people use for the places of the gazetteer and of the corpus. */
export function placeIndex(docs: { doc: string; meta: DocMeta }[]): PlaceIndex {
  const ofDoc = new Map<string, Place>();
  const places = [NATION, ...GAZETTEER];
  for (const d of docs) {
    const p = placeOfMeta(d.meta);
    if (!p) continue;
    ofDoc.set(d.doc, p);
    if (!places.includes(p)) places.push(p);
  }
  const zhNames: [string, Place][] = [];
  const enNames: [RegExp, Place][] = [];
  for (const p of places) {
    for (const n of new Set([p.name, ...p.zh])) zhNames.push([n, p]);
    for (const n of p.en) {
      if (n)
        enNames.push([new RegExp(`\\b${escapeName(n).replace(/ /g, "\\s+")}(?:'s)?\\b`, "i"), p]);
    }
  }
  zhNames.sort((a, b) => b[0].length - a[0].length);
  return { places, ofDoc, zhNames, enNames };
}

/** Does the corpus have a report about this place? */
export const hasReport = (index: PlaceIndex, place: Place): boolean => {
  for (const p of index.ofDoc.values()) if (p === place) return true;
  return false;
};

/** A place named in a question, with where its name sits. */
export type PlaceMention = { place: Place; start: number; end: number; text: string };

/**
 * The places a question names, longest names first and never overlapping. "全国" counts as
 * naming the nation only where it is not a ranking phrase about some other place
 * ("在全国排第几", "全国先进制造业百强市"); see nationCue for the other national words.
 */
export function findPlaces(text: string, index: PlaceIndex): PlaceMention[] {
  const found: PlaceMention[] = [];
  const taken = (s: number, e: number) => found.some((m) => m.start < e && s < m.end);
  for (const [name, place] of index.zhNames) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(name, from);
      if (at < 0) break;
      from = at + name.length;
      if (place === NATION) continue; // decided by nationCue
      if (!taken(at, from)) found.push({ place, start: at, end: from, text: name });
    }
  }
  for (const [re, place] of index.enNames) {
    if (place === NATION) continue;
    const m = re.exec(text);
    if (!m) continue;
    const end = m.index + m[0].length;
    // "Chengdu-Chongqing economic circle": a place in a hyphenated name is part of the name
    if (text[m.index - 1] === "-" || text[end] === "-") continue;
    if (!taken(m.index, end)) found.push({ place, start: m.index, end, text: m[0] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Words that put a question at the national level: 国务院, 我国, 全国 as a scope (not in
 * 在全国排第几, 进全国前50 or a title such as 全国先进制造业百强市), "China's", "national" GDP or targets
 * (not "national high-tech enterprises"), "the State Council", "the Premier".
 */
const NATION_ZH =
  /国务院|我国|总理|中央政府|(?<![在居列入于进])全国(?!.{0,8}(?:排名|排第|排在|第\d|第[一二三四五六七八九十]|前\d|前[一二三四五六七八九十]|前列|百强|首批|示范|试点|文明|先进|重点|优秀|十佳|最佳|之首|领先|同类))|中国(?=经济|的?GDP|的?国内生产总值|政府)/;
const NATION_EN =
  /\bState Council\b|\bPremier\b|\bnationwide\b|\bChina(?:'s)?\b(?! (?:Software|Best|Top|Quality|Western|International)\b)|\bthe country(?:'s)?\b|\bnational (?:economy|GDP|targets?|budgets?|deficit|government|level|reports?|growth|figures?|economic)\b|\bthe (?:whole )?nation(?:'s)?\b/i;

export const nationCue = (text: string): boolean => NATION_ZH.test(text) || NATION_EN.test(text);

/** 省/各省/provinces: a question about the provincial level as such. */
export const provinceCue = (text: string): boolean =>
  /各省|省份|省级|省区市|哪些省|哪个省|几个省|\bprovinc(?:e|es|ial)\b|\bregions\b/i.test(text);
