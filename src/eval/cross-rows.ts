import { crossRows } from "./grade.js";
import type { UserRow } from "./run-user-eval.js";

/**
 * Row accuracy of the questions over several reports (kind "cross"): of the lines they
 * expect, one per report, how many the answers got right (the report cited, its figure in
 * the text), for the tuning part and the part kept aside.
 */
export function printCrossRows(rows: UserRow[]): string {
  const lines = ["  cross rows (one line per report: its figure, cited to it):"];
  for (const heldOut of [false, true]) {
    let ok = 0;
    let n = 0;
    let questions = 0;
    for (const r of rows) {
      if (r.q.kind !== "cross" || r.heldOut !== heldOut) continue;
      const got = crossRows(
        r.q,
        r.answer,
        r.cited.map((doc) => ({ doc })),
      );
      ok += got.ok;
      n += got.rows.length;
      questions++;
    }
    const share = n ? (ok / n).toFixed(2) : "  - ";
    lines.push(
      `    ${heldOut ? "held-out" : "tune"}: ${share} (${ok}/${n} rows of ${questions} questions)`,
    );
  }
  return lines.join("\n");
}
