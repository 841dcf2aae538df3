/**
 * The quality guard: `npm run eval`'s figures (the legacy set, the users' city and reports
 * sets, the main targets of the 45 reports) against tests/eval/floors.json. A change that
 * makes answers worse than the floors fails `npm test`; raise a floor when a change lifts it.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { belowFloors, readFloors } from "../../src/eval/floors.js";
import { runEvals } from "../../src/eval/run-evals.js";
import { createLogger } from "../../src/log.js";

describe("npm run eval", () => {
  it("stays at or above every floor of tests/eval/floors.json", async () => {
    // one index folder per machine: a later run reuses the builds (checked by the corpus hash)
    const indexDir = join(tmpdir(), "report-qa-eval-index");
    const config = loadConfig({ INDEX_DIR: indexDir, LOG_LEVEL: "silent" });
    const figures = await runEvals(config, createLogger("silent"), { print: () => {} });
    const floors = await readFloors();
    expect(Object.keys(floors).length).toBeGreaterThanOrEqual(20);
    expect(belowFloors(figures, floors)).toEqual([]);
  }, 900_000);
});
