import { describe, expect, it } from "vitest";
import { questionKind } from "../../src/question/kind.js";
import { nationCue, placeIndex } from "../../src/question/places.js";
import { readQuestion } from "../../src/question/read-question.js";
import { resolveScope } from "../../src/question/resolve-scope.js";
import { reportYears } from "../../src/question/years.js";

const places = placeIndex([]);
const national = (year: number) => ({
  doc: `national-${year}`,
  meta: {
    title: `${year}年政府工作报告`,
    level: "national" as const,
    year,
    reviewYears: [year - 1],
    planYear: year,
  },
});
const docs = [2008, 2013, 2014, 2015, 2016].map(national);

describe("a year that names the report", () => {
  it("is read apart from the years the report speaks of", () => {
    expect(reportYears("2013年政府工作报告回顾过去五年").years).toEqual([2013]);
    expect(reportYears("2015年报告说2014年经济发展").years).toEqual([2015]);
    expect(reportYears("What targets did the 2015 report set?").years).toEqual([2015]);
    expect(reportYears("the 2016 government work report").years).toEqual([2016]);
    expect(reportYears("2023年研发经费增长多少").years).toEqual([]);
  });

  it("keeps the text's offsets and leaves the years spoken of", () => {
    const { rest } = reportYears("2015年报告说2014年经济发展");
    expect(rest).toHaveLength("2015年报告说2014年经济发展".length);
    expect(rest).toContain("2014年");
    expect(rest).not.toContain("2015");
  });

  it("chooses the report given that year; the years asked are read inside it", () => {
    const past = readQuestion("2013年政府工作报告回顾过去五年，社会保障方面做了什么？", [], {
      places,
    });
    expect(resolveScope(past.scope, docs, places).docs).toEqual([
      { doc: "national-2013", parts: ["review", "problems"], years: [2012] },
    ]);
    const spoken = readQuestion("2015年报告说2014年经济发展有哪些进展？", [], { places });
    expect(resolveScope(spoken.scope, docs, places).docs).toEqual([
      { doc: "national-2015", parts: ["review", "problems"], years: [2014] },
    ]);
    const en = readQuestion("What targets did the 2015 report set?", [], { places });
    expect(en.subject.searchText).toBe("targets set");
    expect(resolveScope(en.scope, docs, places).docs.map((d) => d.doc)).toEqual(["national-2015"]);
  });

  it("that no report has is a missing year", () => {
    const r = readQuestion("2019年政府工作报告说了哪些目标", [], { places });
    expect(resolveScope(r.scope, docs, places)).toMatchObject({ docs: [], missingYears: [2019] });
  });
});

describe("the kind of a question ending in 么", () => {
  it("is yes/no only when 么 is not part of 什么, 怎么, 这么", () => {
    expect(questionKind("社保和兜底帮扶方面成都做了什么")).toBe("open");
    expect(questionKind("这是真的么")).toBe("yesno");
  });
});

describe("several reports named", () => {
  it("are all report years", () => {
    expect(reportYears("2013年和2018年的政府工作报告，哪一年的GDP增长目标更高？").years).toEqual([
      2013, 2018,
    ]);
    expect(reportYears("Did the 2016 report set a higher target than the 2015 one?").years).toEqual(
      [2016, 2015],
    );
    expect(reportYears("the 2013 and 2018 reports").years).toEqual([2013, 2018]);
  });
});

describe("more or less than before", () => {
  it("is the direction asked about", () => {
    const more = readQuestion("去年生产安全事故是不是比前年多了", [], { places });
    expect(more.direction).toBe("up");
    expect(readQuestion("今年的目标比去年低吗", [], { places }).direction).toBe("down");
  });
});

describe("follow-ups", () => {
  const following = (before: string, question: string) =>
    readQuestion(question, [{ role: "user", content: before }], { places });

  it("keep the previous topic when the fragment's words are only a range and a rank", () => {
    const r = following("航空货邮吞吐量有多少？", "它在全国排第几");
    expect(r).toMatchObject({ kind: "rank", standalone: "航空货邮吞吐量在全国排第几" });
    expect(r.subject.topic).toBe("航空货邮吞吐量");
    expect(
      following("How big is the foreign trade?", "Is that the highest in western China?").subject
        .topic,
    ).toContain("foreign trade");
  });

  it("search the previous topic with a fragment that qualifies it", () => {
    const r = following("去年城镇居民收入涨了多少？", "农村的呢");
    expect(r.subject.searchText).toBe("农村的 城镇居民收入涨了");
    expect(r.scope.relative).toBe("last");
  });

  it("take their own time", () => {
    const r = following(
      "How much did fixed-asset investment grow in 2023?",
      "what about the plan for this year?",
    );
    expect(r.scope).toMatchObject({ years: [], relative: "this", part: "plan" });
  });
});

describe("全国 in a ranking", () => {
  it("is the range a figure ranks in, not the national report", () => {
    expect(nationCue("空气质量排名进全国前50了吗")).toBe(false);
    expect(nationCue("在全国排第几")).toBe(false);
    expect(nationCue("全国GDP增长目标是多少")).toBe(true);
  });
});
