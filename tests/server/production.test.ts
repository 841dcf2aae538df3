/** The production command, `npm run build` then `node dist/main.js`: signals reach the
 * server itself, SIGHUP reloads, SIGTERM drains, and every log line is JSON. */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startFakeOpenAI } from "../model/fake-openai.js";
import { freePort } from "./redis-server.js";
import { nonJsonLines, type ServerProcess, startProcess } from "./server-process.js";

const started: ServerProcess[] = [];
const temp: string[] = [];

beforeAll(async () => {
  await promisify(execFile)("npm", ["run", "build", "--silent"]);
}, 120_000);
afterAll(async () => {
  for (const p of started)
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await Promise.all(temp.map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the prebuilt index, so that each process has its own and starts fast. */
async function indexCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "rqa-prod-index-"));
  temp.push(dir);
  await cp(inject("indexDir"), dir, { recursive: true });
  return dir;
}

async function production(env: Record<string, string> = {}, port?: number) {
  const p = await startProcess(
    process.execPath,
    ["dist/main.js"],
    { LOG_LEVEL: "info", ...env },
    port,
  );
  started.push(p);
  return p;
}

async function ready(env: Record<string, string> = {}) {
  const p = await production({ INDEX_DIR: await indexCopy(), ...env });
  await p.waitFor((l) => l.msg === "ready");
  return p;
}

/** POST /api/ask whose body is still arriving when `meanwhile` runs. */
function askWhile(url: string, meanwhile: () => Promise<void>) {
  const body = JSON.stringify({ question: "2023年全社会研发经费投入增长多少？" });
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => {
        text += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.write(body.slice(0, 10));
    req.flushHeaders();
    meanwhile().then(() => req.end(body.slice(10)), reject);
  });
}

describe("node dist/main.js", () => {
  it("SIGTERM lets a request whose body is still arriving finish, then exits 0", async () => {
    // one request in flight per client: a second one says when the first has arrived
    const p = await ready({ MAX_IN_FLIGHT_PER_CLIENT: "1" });
    const res = await askWhile(p.url, async () => {
      await expect.poll(async () => (await fetch(`${p.url}/api/documents`)).status).toBe(429);
      p.child.kill("SIGTERM");
      await p.waitFor((l) => l.msg === "shutting down");
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain("16%");
    expect(await p.exited).toBe(0);
    const events = p.logs().filter((l) => l.msg !== "request");
    expect(events.map((l) => l.msg).slice(-2)).toEqual(["shutting down", "stopped"]);
    expect(nonJsonLines(p)).toEqual([]);
    expect(p.stdout()).toBe("");
  });

  it("SIGTERM waits for an answer the model takes longer than 10 s over", async () => {
    const fake = await startFakeOpenAI();
    fake.reply(() => ({ hang: true }));
    try {
      // the model may keep the first token waiting 12 s, within the request's 30 s
      const p = await ready({
        OPENAI_API_KEY: "test",
        OPENAI_BASE_URL: fake.url,
        MODEL_TIMEOUT_MS: "12000",
      });
      const res = askWhile(p.url, async () => {});
      const asked = await Promise.race([
        res.then(() => false),
        (async () => {
          while (fake.chats.length === 0) await new Promise((r) => setTimeout(r, 20));
          return true;
        })(),
      ]);
      expect(asked).toBe(true);
      p.child.kill("SIGTERM");
      const shutting = await p.waitFor((l) => l.msg === "shutting down");
      expect(shutting.drainMs).toBe(35_000);
      // the model never answers: past its 12 s the extractive answer goes out, whole
      const answer = await res;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toMatchObject({ mode: "extractive", grounded: true });
      expect(answer.text).toContain("16%");
      expect(await p.exited).toBe(0);
      expect(nonJsonLines(p)).toEqual([]);
    } finally {
      await fake.close();
    }
  }, 60_000);

  it("SIGHUP reloads the index, rebuilt from the changed corpus, while serving", async () => {
    const corpus = await mkdtemp(join(tmpdir(), "rqa-prod-corpus-"));
    temp.push(corpus);
    await cp("corpus", corpus, { recursive: true });
    const p = await ready({ CORPUS_DIR: corpus });
    const docs = async () =>
      (
        (await (await fetch(`${p.url}/api/documents`)).json()) as { documents: { doc: string }[] }
      ).documents.map((d) => d.doc);
    expect(await docs()).toEqual(["chengdu-2024-government-work-report"]);
    await writeFile(join(corpus, "annex.md"), "# 附件\n\n## 公园\n\n成都新建口袋公园42个。\n");
    p.child.kill("SIGHUP");
    await p.waitFor((l) => l.msg === "ready" && l.reason === "SIGHUP");
    expect(await docs()).toEqual(["annex", "chengdu-2024-government-work-report"]);
    expect(p.child.exitCode).toBeNull();
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    expect(nonJsonLines(p)).toEqual([]);
  });

  it("a port in use: one JSON line that says so, and exit code 1", async () => {
    const port = await freePort();
    const taken = createServer().listen(port, "127.0.0.1");
    await new Promise((r) => taken.once("listening", r));
    try {
      const p = await production({ INDEX_DIR: await indexCopy() }, port);
      expect(await p.exited).toBe(1);
      expect(p.lines).toHaveLength(1);
      expect(JSON.parse(p.lines[0] as string)).toMatchObject({
        level: "error",
        msg: "address in use: is the service running already?",
        port,
        code: "EADDRINUSE",
      });
    } finally {
      taken.close();
    }
  });

  it("a bad environment: one JSON line naming the variable, and exit code 1", async () => {
    const p = await production({ PORT: "not-a-port", TRUST_PROXY: "0" });
    expect(await p.exited).toBe(1);
    expect(p.lines).toHaveLength(1);
    const line = JSON.parse(p.lines[0] as string) as { level: string; msg: string };
    expect(line.level).toBe("error");
    expect(line.msg).toMatch(/^invalid environment: .*PORT.*TRUST_PROXY: a hop count must be 1-10/);
  });
});
