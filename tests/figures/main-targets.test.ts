import { describe, expect, it } from "vitest";
import { readTargets, scoreByPart, scoreTargets } from "../../src/eval/targets-eval.js";
import { indicatorText, reportsTable } from "./reports.js";

/** The floor the extraction of the main targets must keep, on either part of the reports. */
const FLOOR = 0.95;

describe("the main targets of the 45 reports, against the table made by hand", () => {
  it("come out with their indicator, value, unit and qualifier (precision and recall)", {
    timeout: 120_000,
  }, async () => {
    const reports = await reportsTable();
    const targets = await readTargets("tests/eval/reports/targets.json");
    const text = (r: Parameters<typeof indicatorText>[1]) => indicatorText(reports, r);
    const { tune, heldOut } = scoreByPart(
      reports.table.rows,
      targets,
      reports.table.vocabulary,
      text,
    );
    for (const s of [tune, heldOut]) {
      expect(s.precision).toBeGreaterThanOrEqual(FLOOR);
      expect(s.recall).toBeGreaterThanOrEqual(FLOOR);
    }
    expect(tune.expected + heldOut.expected).toBe(301);
  });

  it("every report's targets paragraph comes out as rows", { timeout: 120_000 }, async () => {
    const reports = await reportsTable();
    const targets = await readTargets("tests/eval/reports/targets.json");
    const docs = [...new Set(targets.map((t) => t.doc))];
    expect(docs).toHaveLength(45);
    const text = (r: Parameters<typeof indicatorText>[1]) => indicatorText(reports, r);
    for (const doc of docs) {
      const own = targets.filter((t) => t.doc === doc);
      const s = scoreTargets(reports.table.ofDoc(doc), own, reports.table.vocabulary, text);
      expect(s.recall, doc).toBeGreaterThanOrEqual(0.85);
      expect(s.precision, doc).toBeGreaterThanOrEqual(0.85);
    }
  });
});
