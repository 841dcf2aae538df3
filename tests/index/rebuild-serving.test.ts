import { copyFile, cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServer } from "./server-process.js";

const REPORTS = "tests/fixtures/reports/provinces-2025";
/** Health requests that must be answered, one after another, while the rebuild runs. */
const ANSWERED_DURING_REBUILD = 500;

let server: ServerProcess | undefined;
afterAll(() => server?.stop());

describe("a SIGHUP rebuild", () => {
  it("runs off the event loop: the server keeps answering while it builds", async () => {
    const corpusDir = await mkdtemp(join(tmpdir(), "rqa-rebuild-corpus-"));
    await cp("corpus", corpusDir, { recursive: true });
    const indexDir = await mkdtemp(join(tmpdir(), "rqa-rebuild-index-"));
    server = startServer({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
    await server.waitFor((l) => l.msg === "ready");
    const url = server.url();

    // three provincial reports more: about 700 passages to read, embed and index
    for (const name of [
      "2025年北京市政府工作报告",
      "2025年上海市政府工作报告",
      "2025年广东省政府工作报告",
    ])
      await copyFile(join(REPORTS, `${name}.docx`), join(corpusDir, `${name}.docx`));
    const s = server;
    let rebuilt = false;
    const done = s
      .waitFor((l) => l.msg === "ready" && l.reason === "SIGHUP")
      .then(() => {
        rebuilt = true;
      });
    done.catch(() => {
      rebuilt = true;
    });
    s.child.kill("SIGHUP");
    await s.waitFor((l) => l.msg === "index stale, rebuilding");
    let answered = 0;
    let failed = 0;
    while (!rebuilt) {
      const res = await fetch(`${url}/healthz`).catch(() => undefined);
      if (res?.status === 200) answered++;
      else failed++;
      await res?.arrayBuffer();
    }
    await done;
    expect(failed).toBe(0);
    expect(answered).toBeGreaterThanOrEqual(ANSWERED_DURING_REBUILD);
    const docs = (await (await fetch(`${url}/api/documents`)).json()) as {
      documents: { doc: string }[];
    };
    expect(docs.documents.map((d) => d.doc)).toContain("2025年广东省政府工作报告");
  }, 300_000);
});
