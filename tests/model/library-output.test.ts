/** What libraries print (the openai client, LangChain, Node's warnings) becomes JSON log
 * lines that keep a library's own words and none of what an upstream sent. */
import { spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { createServer } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { captureLibraryOutput, createLogger } from "../../src/log.js";
import { startFakeOpenAI } from "./fake-openai.js";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe("captureLibraryOutput", () => {
  it("logs a library's first words as JSON, counts the rest, and puts the console back", () => {
    const lines: string[] = [];
    const target = { ...console };
    const proc = new EventEmitter() as unknown as NodeJS.Process;
    const original = target.error;
    const restore = captureLibraryOutput(
      createLogger("debug", (l) => lines.push(l)),
      target,
      proc,
    );
    target.error("Could not parse message into JSON:", "upstream said sk-abcdefghijklmnop");
    target.log({ an: "object" });
    proc.emit(
      "warning",
      Object.assign(new Error("11 abort listeners added"), { name: "MaxListenersExceededWarning" }),
    );
    restore();
    expect(target.error).toBe(original);
    expect(proc.listenerCount("warning")).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "library console output",
        console: "error",
        text: "Could not parse message into JSON:",
        more: 1,
      }),
      expect.objectContaining({
        level: "info",
        msg: "library console output",
        console: "log",
        text: "object",
        more: 0,
      }),
      expect.objectContaining({
        level: "warn",
        msg: "process warning",
        name: "MaxListenersExceededWarning",
        text: "11 abort listeners added",
      }),
    ]);
    expect(lines.join("")).not.toContain("upstream said");
  });
});

describe("the real process with a model that streams garbage", () => {
  it("answers offline, and every line it prints is JSON without the garbage", async () => {
    const fake = await startFakeOpenAI();
    fake.reply(() => ({
      raw: "data: garbage from upstream\n\ndata: [DONE]\n\n",
      contentType: "text/event-stream",
    }));
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        INDEX_DIR: inject("indexDir"),
        LOG_LEVEL: "debug",
        OPENAI_API_KEY: "test",
        OPENAI_BASE_URL: fake.url,
        MODEL_MAX_RETRIES: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; i < 400; i++) {
        const ok = await fetch(`${base}/readyz`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const res = await fetch(`${base}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "2023年全社会研发经费投入增长多少？" }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { mode: string }).mode).toBe("extractive");
    } finally {
      child.kill("SIGTERM");
      await exited;
      await fake.close();
    }
    expect(fake.chats).toHaveLength(1);
    expect(stdout).toBe("");
    const lines = stderr.split("\n").filter(Boolean);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: "library console output",
        text: "Could not parse message into JSON:",
      }),
    );
    expect(logged).toContainEqual(
      expect.objectContaining({
        msg: "model answer failed, falling back to extractive",
        failure: "upstream",
      }),
    );
    expect(stderr).not.toContain("garbage from upstream");
  });
});
