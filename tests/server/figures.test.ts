import { describe, expect, it } from "vitest";
import { testApp } from "../support/engine.js";

const app = await testApp();
const DOC = "chengdu-2024-government-work-report";

type Row = Record<string, unknown> & { indicator: string; figure: string; link: string };
type Page = { total: number; offset: number; limit: number; rows: Row[] };

const get = async (query: Record<string, string>, headers: Record<string, string> = {}) =>
  app.request(`/api/figures?${new URLSearchParams(query)}`, { headers });
const page = async (query: Record<string, string>) => {
  const res = await get(query);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
};
const said = (rows: Row[]) => rows.map((r) => `${r.indicator} ${r.figure}${r.qualifier}`);

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\bat .*\.ts:\d+/);
}

describe("GET /api/figures", () => {
  it("lists the main targets of a report, in the report's order", async () => {
    const body = await page({ doc: DOC, main: "true" });
    expect(said(body.rows)).toEqual([
      "地区生产总值 6%左右",
      "第一产业增加值 2%",
      "第二产业增加值 5.5%",
      "第三产业增加值 6.5%",
      "全社会固定资产投资 6.5%",
      "社会消费品零售总额 7%",
      "外贸进出口总额 4.5%",
      "常住人口城镇化率 80.5%达",
      "城镇调查失业率 5.5%左右",
      "地方一般公共预算收入 5.5%",
      "居民消费价格指数 103左右",
      "空气质量优良天数 300天以上",
    ]);
    expect(body.total).toBe(12);
    const gdp = body.rows[0] as Row;
    expect(gdp).toMatchObject({
      doc: DOC,
      place: "成都市",
      year: 2024,
      kind: "target",
      key: "gdp",
      en: "GDP",
      value: 6,
      unit: "%",
      measure: "growth",
      direction: "up",
      section: ["2024年工作安排建议", "今年全市经济社会发展的主要预期目标是"],
      part: "plan",
    });
  });

  it("finds an indicator by its Chinese or English name, and links each row to its passage", async () => {
    const zh = await page({ q: "城镇调查失业率", kind: "target" });
    const en = await page({ q: "unemployment rate", kind: "target" });
    expect(said(zh.rows)).toEqual(["城镇调查失业率 5.5%左右"]);
    expect(en.rows).toEqual(zh.rows);
    const row = zh.rows[0] as Row;
    const passage = (await (await app.request(row.link)).json()) as Record<string, unknown>;
    expect(passage.id).toBe(row.passage);
    const doc = (await (await app.request(`/api/documents/${DOC}`)).json()) as { text: string };
    expect(doc.text.slice(row.start as number, row.end as number)).toBe("5.5%");
    expect(doc.text.slice(row.indicatorStart as number, row.indicatorEnd as number)).toBe(
      "城镇调查失业率",
    );
    // 地区生产总值 is GDP; 单位地区生产总值能耗 is not, though its words hold it
    const gdp = await page({ q: "GDP", year: "2024", measure: "growth", kind: "target" });
    expect(said(gdp.rows)).toEqual(["地区生产总值 6%左右"]);
  });

  it("finds an indicator without an English name of its own through the lexicon", async () => {
    const body = await page({ q: "new energy vehicles", doc: DOC });
    expect(said(body.rows)).toEqual(["新能源汽车保有量 63.3万辆", "新能源汽车保有量 52%"]);
    expect(said((await page({ q: "tourists" })).rows)).toContain("接待游客 2.8亿人次");
  });

  it("answers CSV with a header row for Accept: text/csv", async () => {
    const res = await get({ doc: DOC, main: "true", limit: "2" }, { accept: "text/csv" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("x-total-count")).toBe("12");
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]?.split(",").slice(0, 7)).toEqual([
      "id",
      "doc",
      "place",
      "year",
      "kind",
      "main",
      "indicator",
    ]);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(
      `,${DOC},成都市,2024,target,true,地区生产总值,gdp,GDP,6,,%,6,growth,左右,up,6%,`,
    );
    expect(lines[3]).toBe("");
  });

  it("pages: limit and offset over the rows that match", async () => {
    const all = await page({ doc: DOC });
    const second = await page({ doc: DOC, limit: "5", offset: "5" });
    expect(all.total).toBeGreaterThan(100);
    expect(second.total).toBe(all.total);
    expect(second.rows).toEqual(all.rows.slice(5, 10));
  });

  it("matches nothing with an empty page, and refuses bad filters with 4xx JSON", async () => {
    // the review states a grain harvest (粮食…产量231.9万吨), the plan no grain target
    expect((await page({ q: "粮食产量", doc: DOC })).rows.map((r) => r.figure)).toEqual([
      "231.9万吨",
    ]);
    expect(await page({ q: "粮食产量", doc: DOC, kind: "target" })).toEqual({
      total: 0,
      offset: 0,
      limit: 500,
      rows: [],
    });
    expect((await page({ place: "北京" })).total).toBe(0);
    expect((await page({ place: "Chengdu", main: "true" })).total).toBe(12);
    await expectError(await get({ doc: "no-such-report" }), 404, "not_found");
    await expectError(await get({ year: "abc" }), 400, "invalid_request");
    await expectError(await get({ kind: "wish" }), 400, "invalid_request");
    await expectError(await get({ measure: "size" }), 400, "invalid_request");
    await expectError(await get({ main: "yes" }), 400, "invalid_request");
    await expectError(await get({ limit: "0" }), 400, "invalid_request");
    await expectError(await get({ limit: "10001" }), 400, "invalid_request");
    await expectError(await get({ q: " " }), 400, "invalid_request");
  });
});
