import type { Level } from "../ingest/types.js";

/**
 * Places people ask about, with the names they use for them. Every provincial-level
 * division and the larger cities: a question naming one that the corpus has no report
 * for is refused, saying which places the corpus has. Places of the corpus's own
 * documents are added from their metadata (see places.ts).
 */
export type Place = {
  /** the name the reports use: 四川省, 北京市, 内蒙古自治区, 成都市, 全国 */
  name: string;
  level: Level;
  /** other Chinese names: 四川, 川; 内蒙古; 蓉城 */
  zh: string[];
  /** English names, lower case: sichuan; inner mongolia; chengdu */
  en: string[];
};

const P = (name: string, zh: string, en: string): Place => ({
  name,
  level: "province",
  zh: zh.split(" ").filter(Boolean),
  en: en.split("|"),
});
const C = (name: string, zh: string, en: string): Place => ({
  name,
  level: "city",
  zh: zh.split(" ").filter(Boolean),
  en: en.split("|"),
});

export const NATION: Place = {
  name: "全国",
  level: "national",
  zh: ["全国"],
  en: ["china"],
};

export const GAZETTEER: Place[] = [
  P("北京市", "北京", "beijing|peking"),
  P("天津市", "天津", "tianjin"),
  P("上海市", "上海", "shanghai"),
  P("重庆市", "重庆", "chongqing"),
  P("河北省", "河北", "hebei"),
  P("山西省", "山西", "shanxi"),
  P("内蒙古自治区", "内蒙古 内蒙", "inner mongolia|nei mongol|neimenggu"),
  P("辽宁省", "辽宁", "liaoning"),
  P("吉林省", "吉林", "jilin"),
  P("黑龙江省", "黑龙江", "heilongjiang"),
  P("江苏省", "江苏", "jiangsu"),
  P("浙江省", "浙江", "zhejiang"),
  P("安徽省", "安徽", "anhui"),
  P("福建省", "福建", "fujian"),
  P("江西省", "江西", "jiangxi"),
  P("山东省", "山东", "shandong"),
  P("河南省", "河南", "henan"),
  P("湖北省", "湖北", "hubei"),
  P("湖南省", "湖南", "hunan"),
  P("广东省", "广东", "guangdong|canton"),
  P("广西壮族自治区", "广西", "guangxi"),
  P("海南省", "海南", "hainan"),
  P("四川省", "四川", "sichuan|szechuan"),
  P("贵州省", "贵州", "guizhou"),
  P("云南省", "云南", "yunnan"),
  P("西藏自治区", "西藏", "tibet|xizang"),
  P("陕西省", "陕西", "shaanxi"),
  P("甘肃省", "甘肃", "gansu"),
  P("青海省", "青海", "qinghai"),
  P("宁夏回族自治区", "宁夏", "ningxia"),
  P("新疆维吾尔自治区", "新疆", "xinjiang"),
  P("台湾省", "台湾", "taiwan"),
  P("香港特别行政区", "香港", "hong kong"),
  P("澳门特别行政区", "澳门", "macau|macao"),
  C("成都市", "成都 蓉城", "chengdu"),
  C("深圳市", "深圳", "shenzhen"),
  C("广州市", "广州", "guangzhou"),
  C("杭州市", "杭州", "hangzhou"),
  C("南京市", "南京", "nanjing"),
  C("武汉市", "武汉", "wuhan"),
  C("西安市", "西安", "xi'an|xian"),
  C("苏州市", "苏州", "suzhou"),
  C("郑州市", "郑州", "zhengzhou"),
  C("长沙市", "长沙", "changsha"),
  C("青岛市", "青岛", "qingdao"),
  C("宁波市", "宁波", "ningbo"),
  C("厦门市", "厦门", "xiamen|amoy"),
  C("合肥市", "合肥", "hefei"),
  C("济南市", "济南", "jinan"),
  C("沈阳市", "沈阳", "shenyang"),
  C("大连市", "大连", "dalian"),
  C("哈尔滨市", "哈尔滨", "harbin"),
  C("长春市", "长春", "changchun"),
  C("昆明市", "昆明", "kunming"),
  C("贵阳市", "贵阳", "guiyang"),
  C("南宁市", "南宁", "nanning"),
  C("福州市", "福州", "fuzhou"),
  C("南昌市", "南昌", "nanchang"),
  C("石家庄市", "石家庄", "shijiazhuang"),
  C("太原市", "太原", "taiyuan"),
  C("兰州市", "兰州", "lanzhou"),
  C("乌鲁木齐市", "乌鲁木齐", "urumqi"),
  C("拉萨市", "拉萨", "lhasa"),
  C("呼和浩特市", "呼和浩特", "hohhot"),
  C("银川市", "银川", "yinchuan"),
  C("西宁市", "西宁", "xining"),
  C("海口市", "海口", "haikou"),
  C("绵阳市", "绵阳", "mianyang"),
  C("东莞市", "东莞", "dongguan"),
  C("佛山市", "佛山", "foshan"),
  C("无锡市", "无锡", "wuxi"),
];
