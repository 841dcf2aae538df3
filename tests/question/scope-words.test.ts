import { describe, expect, it } from "vitest";
import { questionKind } from "../../src/question/kind.js";
import { nationCue, placeIndex } from "../../src/question/places.js";
import { readQuestion } from "../../src/question/read-question.js";
import { regionPlaces } from "../../src/question/regions.js";
import { explicitYears } from "../../src/question/years.js";

const places = placeIndex([]);
const names = (text: string) => regionPlaces(text, places).map((p) => p.name);

describe("the years a question names", () => {
  it("names every year of a span", () => {
    expect(explicitYears("2009年至2011年粮食产量各多少")).toEqual([2009, 2011, 2010]);
    expect(explicitYears("GDP targets from 2006 to 2008")).toEqual([2006, 2008, 2007]);
    expect(explicitYears("between 2010 and 2012")).toEqual([2010, 2012, 2011]);
    expect(explicitYears("2021—2025年")).toEqual([2021, 2025, 2022, 2023, 2024]);
  });

  it("keeps two years named side by side, and a figure is no span", () => {
    expect(explicitYears("2010年和2015年哪个高")).toEqual([2010, 2015]);
    expect(explicitYears("2015 or 2016")).toEqual([2015, 2016]);
    expect(explicitYears("2024年增长5%")).toEqual([2024]);
  });
});

describe("groups of provinces", () => {
  it("stand for their members", () => {
    expect(names("东北三省的粮食")).toEqual(["辽宁省", "吉林省", "黑龙江省"]);
    expect(names("the four municipalities")).toEqual(["北京市", "天津市", "上海市", "重庆市"]);
    expect(names("中部六省的投资")).toHaveLength(6);
    expect(names("京津冀各地的增长目标")).toEqual(["北京市", "天津市", "河北省"]);
  });

  it("are not read into a place's own name or a district", () => {
    expect(names("东部新区建设")).toEqual([]);
    expect(names("西部（成都）科学城")).toEqual([]);
    expect(names("the northeast of the city")).toEqual([]);
    // a range compared within, not the places asked about
    expect(names("在西部地区排第几")).toEqual([]);
    expect(names("京津冀协同发展")).toEqual([]);
    expect(names("Is that the most in central and western China?")).toEqual([]);
  });

  it("give a question their places only when it names none of its own", () => {
    const group = readQuestion("中部六省2025年的投资目标", [], { places });
    expect(group.scope.places.map((p) => p.name)).toEqual([
      "山西省",
      "安徽省",
      "江西省",
      "河南省",
      "湖北省",
      "湖南省",
    ]);
    const own = readQuestion("湖北、湖南这两个中部省份的目标", [], { places });
    expect(own.scope.places.map((p) => p.name)).toEqual(["湖北省", "湖南省"]);
  });
});

describe("questions over several reports", () => {
  it("read every province and the national reports as such", () => {
    expect(questionKind("Show the 2025 grain target of every province.")).toBe("table");
    expect(questionKind("What did each of the municipalities plan for jobs?")).toBe("table");
    expect(questionKind("Which year does the review part of the report look back on?")).not.toBe(
      "table",
    );
    expect(nationCue("What deficit did the national reports plan?")).toBe(true);
    expect(nationCue("national high-tech enterprises")).toBe(false);
  });
});
