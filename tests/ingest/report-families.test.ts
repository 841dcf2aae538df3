import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/ingest-file.js";
import type { Doc, Passage, SourceFile } from "../../src/ingest/types.js";
import { fixtureReports } from "./fixture-text.js";

type One = { file: SourceFile; doc: Doc; passages: Passage[] };
const reports: One[] = (await fixtureReports()).map((file) => {
  const { docs, passages } = ingestFile(file);
  return { file, doc: docs[0] as Doc, passages };
});
const report = (name: string) => {
  const one = reports.find((r) => r.file.name.includes(name));
  if (!one) throw new Error(`no fixture ${name}`);
  return one;
};
const passageWith = (name: string, needle: string) => {
  const p = report(name).passages.find((x) => x.text.includes(needle));
  if (!p) throw new Error(`${name}: no passage with ${needle}`);
  return p;
};
const national = (r: One) => r.file.name.endsWith(".txt");
const rawLines = (r: One) =>
  r.file.raw
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
const MAIN_PARTS = new Set(["review", "problems", "plan", "government"]);

describe("the 44 fixture reports: metadata", () => {
  it("has 28 provincial and 16 national reports", () => {
    expect(reports.filter(national)).toHaveLength(16);
    expect(reports.filter((r) => !national(r))).toHaveLength(28);
  });

  it("reads the exact metadata of a handful of reports", () => {
    expect(report("北京市").doc.meta).toEqual({
      title: "2025年北京市政府工作报告",
      place: "北京市",
      level: "province",
      date: "2025-01-14",
      speaker: "北京市市长 殷勇",
      source: "北京日报",
      year: 2025,
      reviewYears: [2024],
      planYear: 2025,
    });
    expect(report("宁夏").doc.meta).toMatchObject({
      title: "2025年宁夏政府工作报告",
      place: "宁夏回族自治区",
      level: "province",
      date: "2025-01-19",
      speaker: "宁夏回族自治区人民政府主席 张雨浦",
    });
    expect(report("上海市").doc.meta).toMatchObject({ speaker: "市长 龚正", date: "2025-01-15" });
    expect(report("新疆").doc.meta.speaker).toBe("自治区主席 艾尔肯·吐尼亚孜");
    expect(report("西藏").doc.meta).toMatchObject({ place: "西藏自治区", level: "province" });
    expect(report("江西省").doc.meta).toMatchObject({
      source: "江西省人民政府",
      speaker: "省长 叶建春",
    });
    expect(report("2011年").doc.meta).toEqual({
      title: "2011年国务院政府工作报告",
      place: "全国",
      level: "national",
      date: "2011-03-05",
      speaker: "国务院总理 温家宝",
      year: 2011,
      reviewYears: [2006, 2007, 2008, 2009, 2010],
      planYear: 2011,
    });
    expect(report("2018年").doc.meta.reviewYears).toEqual([2013, 2014, 2015, 2016, 2017]);
    // "国务院总理?李克强": the "?" is a space lost in conversion
    expect(report("2014年").doc.meta).toMatchObject({
      speaker: "国务院总理 李克强",
      source: "新华社",
    });
    // full-width digits in the date line
    expect(report("2010年").doc.meta.date).toBe("2010-03-05");
    // no date line and no speaker line in the text
    expect(report("2016年").doc.meta).toEqual({
      title: "2016年国务院政府工作报告",
      place: "全国",
      level: "national",
      year: 2016,
      reviewYears: [2015],
      planYear: 2016,
    });
  });

  it("gives every report plausible metadata", () => {
    for (const r of reports) {
      const m = r.doc.meta;
      const year = Number(r.file.name.match(/(?:^|\/)(\d{4})年/)?.[1]);
      expect(m.title, r.file.name).toMatch(/^\d{4}.*工作报告$/);
      expect(r.doc.title).toBe(m.title);
      expect(m.year, r.file.name).toBe(year);
      expect(m.planYear).toBe(year);
      const five = [year - 5, year - 4, year - 3, year - 2, year - 1];
      expect([[year - 1], five], r.file.name).toContainEqual(m.reviewYears);
      if (m.date) expect(m.date.startsWith(`${year}-0`), r.file.name).toBe(true);
      if (m.speaker) expect(m.speaker, r.file.name).toMatch(/^\S*(总理|长|主席) \S{2,}$/);
      const hasSourceLine = rawLines(r).some((l) => /^来源/.test(l));
      expect(m.source !== undefined || !hasSourceLine, r.file.name).toBe(true);
      if (national(r)) expect([m.place, m.level]).toEqual(["全国", "national"]);
      else {
        expect(m.level).toBe("province");
        expect(m.place, r.file.name).toMatch(/^\S{2,8}(省|市|自治区)$/);
        expect(m.date, r.file.name).toMatch(/^2025-01-\d\d$/);
        // every provincial report names its speaker: office, a space, the name
        expect(m.speaker, r.file.name).toMatch(/^\S*(市长|省长|主席) \S{2,}$/);
      }
    }
    // a report in the first year of a term reviews five years
    const fiveYear = reports
      .filter((r) => r.doc.meta.reviewYears?.length === 5)
      .map((r) => r.doc.meta.year);
    expect(fiveYear).toEqual([2003, 2008, 2011, 2013, 2018]);
  });
});

describe("the 44 fixture reports: section tree and parts", () => {
  it("finds as many parts and （N） sections as the raw text has headings", () => {
    for (const r of reports) {
      const lines = rawLines(r);
      const end = lines.findIndex((l) => /^(附件|附注|注释|名词解释)/.test(l));
      const main = end === -1 ? lines : lines.slice(0, end);
      let parts = main.filter((l) => /^[一二三四五六七八九十]+、/.test(l)).length;
      if (parts === 0) parts = main.filter((l) => /^\d{4}年工作(回顾|安排)$/.test(l)).length;
      const sections = main.filter((l) => /^[（(][一二三四五六七八九十]+[）)]/.test(l)).length;
      const body = r.passages.filter((p) => MAIN_PARTS.has(p.part));
      const gotParts = new Set(body.map((p) => p.section[0])).size;
      const gotSections = new Set(
        body
          .filter((p) => /^[（(]/.test(p.section[1] ?? ""))
          .map((p) => p.section.slice(0, 2).join("|")),
      ).size;
      expect([gotParts, gotSections], r.file.name).toEqual([parts, sections]);
      expect(parts, r.file.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("puts the parts in the order of the genre", () => {
    const order = ["body", "review", "problems", "plan", "government", "closing", "appendix"];
    for (const r of reports) {
      const first = (part: string) => r.passages.findIndex((p) => p.part === part);
      const seen = order.filter((part) => first(part) >= 0);
      const byPosition = [...seen].sort((a, b) => first(a) - first(b));
      expect(byPosition, r.file.name).toEqual(seen);
      expect(first("review"), r.file.name).toBeGreaterThanOrEqual(0);
      expect(first("plan"), r.file.name).toBeGreaterThan(first("review"));
      // problems are found in the review, never after the plan has started
      const lastProblem = r.passages.map((p) => p.part).lastIndexOf("problems");
      expect(lastProblem < first("plan"), r.file.name).toBe(true);
    }
  });

  it("keeps front matter in the text but out of every passage", () => {
    for (const r of reports) {
      const lines = rawLines(r);
      const salutation = lines.findIndex((l) => /^各位代表[：:]/.test(l));
      expect(salutation, r.file.name).toBeGreaterThan(0);
      const squeeze = (s: string) => s.normalize("NFKC").replace(/[\s?]+/g, "");
      // the front lines open the document text, in order, and the first passage comes after them
      let at = 0;
      const text = r.doc.text;
      for (const line of lines.slice(0, salutation + 1)) {
        const front = squeeze(line);
        let i = at;
        while (i < text.length && !squeeze(text.slice(i, i + front.length + 8)).startsWith(front))
          i++;
        expect(i < text.length, `${r.file.name}: ${line}`).toBe(true);
        at = i + 1;
      }
      const frontEnd = text.indexOf("各位代表", at - 1) + "各位代表：".length;
      expect(r.passages[0]?.start, r.file.name).toBeGreaterThan(frontEnd);
      expect(
        r.passages.filter((p) => p.part === "front"),
        r.file.name,
      ).toEqual([]);
    }
  });

  it("marks the problems paragraph, and only it, as problems", () => {
    expect(reports.filter((r) => r.passages.some((p) => p.part === "problems")).length).toBe(43);
    const openers: [string, string][] = [
      ["北京市", "同时，我们也清醒地看到面临的困难和挑战"],
      ["内蒙古", "我们要把成绩讲够，也要把问题说透"],
      ["吉林省", "当前，吉林正处于全面振兴实现新突破的关键时期"],
      ["江苏省", "各位代表，在看到成绩的同时，我们也清醒认识到困难和挑战"],
      ["2015年", "我们既要看到成绩，更要看到前进中的困难和挑战"],
      ["2018年", "安不忘危，兴不忘忧。我们清醒认识到"],
    ];
    for (const [name, opener] of openers)
      expect(passageWith(name, opener).part, name).toBe("problems");
    // an opener inside a paragraph: the paragraph is cut there
    const cut = passageWith("2014年", "同时，我们清醒认识到，前进道路上还有不少困难和问题");
    expect(cut.part).toBe("problems");
    expect(cut.text.startsWith("同时，我们清醒认识到")).toBe(true);
    expect(passageWith("2014年", "过去一年政府工作中行之有效的思路和做法").part).toBe("review");
    // achievements are review, even in words like 困难
    expect(passageWith("2015年", "过去一年，困难和挑战比预想的大").part).toBe("review");
    expect(passageWith("北京市", "过去一年，在以习近平同志为核心的党中央坚强领导下").part).toBe(
      "review",
    );
  });

  it("puts every targets paragraph in the plan", () => {
    let checked = 0;
    for (const r of reports) {
      for (const p of r.passages.filter((x) => /^[^。]{0,40}主要预期目标是/.test(x.text))) {
        expect(p.part, `${r.file.name}: ${p.text.slice(0, 30)}`).toBe("plan");
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it("tells government self-improvement, the closing and the appendices apart", () => {
    const hubei = report("湖北省").passages.filter(
      (p) => p.section[0] === "三、全面加强政府自身建设",
    );
    expect(hubei).toHaveLength(6);
    expect(new Set(hubei.map((p) => p.part))).toEqual(new Set(["government"]));
    expect(passageWith("北京市", "各位代表！完成好2025年各项工作任务").part).toBe("government");
    expect(passageWith("2003年", "坚持依法行政，从严治政").section[1]).toBe(
      "（八）切实加强政府自身建设",
    );
    expect(passageWith("2003年", "坚持依法行政，从严治政").part).toBe("government");
    for (const r of reports.filter((x) => !x.file.name.includes("2007年"))) {
      const closing = r.passages.filter((p) => p.part === "closing");
      expect(closing.length, r.file.name).toBeGreaterThan(0);
      const main = r.passages.filter((p) => p.part !== "appendix");
      expect(main.at(-1)?.part, r.file.name).toBe("closing");
    }
    const yunnan = passageWith("云南省", "全省农村劳动力转移就业1500万人");
    expect([yunnan.part, yunnan.section.slice(0, 2)]).toEqual([
      "appendix",
      ["附件", "一、稳定和扩大就业"],
    ]);
    expect(passageWith("广东省", "“岳山造林”：上世纪70年代").part).toBe("appendix");
    expect(passageWith("2012年", "“三网”融合：是指").part).toBe("appendix");
  });

  it("joins a heading broken over two lines", () => {
    const gov = report("重庆市").passages.filter((p) => p.part === "government");
    expect(gov[0]?.section[0]).toBe("三、持续提升政府治理效能和服务水平");
  });
});

describe("the 44 fixture reports: passages", () => {
  it("slice the text exactly, stay inside one paragraph and never open with a heading", () => {
    for (const r of reports) {
      for (const p of r.passages) {
        expect(r.doc.text.slice(p.start, p.end)).toBe(p.text);
        expect(p.text.includes("\n"), r.file.name).toBe(false);
        expect(p.text, r.file.name).not.toMatch(
          /^[（(][一二三四五六七八九十]+[）)]|^[一二三四五六七八九十]+、/,
        );
        expect(p.doc).toBe(r.doc.doc);
      }
      expect(new Set(r.passages.map((p) => p.id)).size).toBe(r.passages.length);
    }
  });

  it("are covered by the outline", () => {
    for (const r of reports) {
      const spans = new Map(r.doc.outline.map((o) => [o.section.join("/"), o] as const));
      for (const p of r.passages.filter((x) => x.section.length > 0)) {
        const entry = spans.get(p.section.join("/"));
        expect(entry && p.start >= entry.start && p.end <= entry.end, r.file.name).toBe(true);
      }
    }
  });
});
