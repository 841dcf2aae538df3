import type { Place } from "./gazetteer.js";
import type { PlaceIndex } from "./places.js";

/**
 * Groups of provincial-level divisions people ask about as one (the four municipalities,
 * the five autonomous regions, the north-east, the west…), by the official groupings.
 * A question that names a group and no place of its own is about the group's members.
 */
const REGIONS: { zh: RegExp; en: RegExp; members: string }[] = [
  {
    zh: /直辖市/,
    en: /\bmunicipalities\b/i,
    members: "北京市 天津市 上海市 重庆市",
  },
  {
    zh: /自治区/,
    en: /\bautonomous regions\b/i,
    members: "内蒙古自治区 广西壮族自治区 西藏自治区 宁夏回族自治区 新疆维吾尔自治区",
  },
  {
    zh: /东北(?:三省|地区|各省)/,
    en: /\bnorth-?east(?:ern)? provinces\b/i,
    members: "辽宁省 吉林省 黑龙江省",
  },
  {
    zh: /西部(?:地区|各省|省份|省区市|十二省)/,
    en: /\bwestern (?:provinces|regions)\b/i,
    members:
      "内蒙古自治区 广西壮族自治区 重庆市 四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区",
  },
  {
    zh: /中部(?:地区|六省|各省|省份)/,
    en: /\bcentral (?:provinces|regions)\b/i,
    members: "山西省 安徽省 江西省 河南省 湖北省 湖南省",
  },
  {
    zh: /东部(?:地区|各省|省份|省市)/,
    en: /\beastern (?:provinces|regions)\b/i,
    members: "北京市 天津市 河北省 上海市 江苏省 浙江省 福建省 山东省 广东省 海南省",
  },
  {
    zh: /沿海(?:地区|各省|省份|省市)/,
    en: /\bcoastal (?:provinces|regions)\b/i,
    members: "辽宁省 河北省 天津市 山东省 江苏省 上海市 浙江省 福建省 广东省 广西壮族自治区 海南省",
  },
  {
    zh: /京津冀/,
    en: /\bjing-jin-ji\b|\bbeijing-tianjin-hebei\b/i,
    members: "北京市 天津市 河北省",
  },
  {
    zh: /长三角/,
    en: /\byangtze river delta\b/i,
    members: "上海市 江苏省 浙江省 安徽省",
  },
];

/**
 * Words that make a group the places a question is about, not a range it compares within
 * ("四个直辖市的目标", "each of the municipalities"; not "在西部地区排第几").
 */
const AS_PLACES =
  /各|每个|分别|哪些|哪几个|[二两三四五六七八九十\d]+个|三省|六省|十二省|省份|省区市|直辖市|自治区|\b(?:each|every|all|which)\b|\bthe (?:three|four|five|six|twelve)\b|\b(?:provinces|municipalities|autonomous regions)\b/i;

/** The members of the groups a question names as its places, as the places of the index. */
export function regionPlaces(text: string, index: PlaceIndex): Place[] {
  const out: Place[] = [];
  if (!AS_PLACES.test(text)) return out;
  for (const r of REGIONS) {
    if (!r.zh.test(text) && !r.en.test(text)) continue;
    for (const name of r.members.split(" ")) {
      const p = index.places.find((x) => x.name === name);
      if (p && !out.includes(p)) out.push(p);
    }
  }
  return out;
}
