import { spawn } from "node:child_process";
import { request } from "node:http";
import { createServer } from "node:net";
import { describe, expect, inject, it } from "vitest";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe("the real process", () => {
  it("finishes an in-flight request on SIGTERM, then exits 0", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        INDEX_DIR: inject("indexDir"),
        LOG_LEVEL: "warn",
        OPENAI_API_KEY: "",
      },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 400; i++) {
      const ok = await fetch(`${base}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }

    // a request whose body is still arriving when the signal comes
    const body = JSON.stringify({ question: "2023年全社会研发经费投入增长多少？" });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        `${base}/api/ask`,
        {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (d) => {
            text += d;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        child.kill("SIGTERM");
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 100);
    });
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.text).toContain("16%");
    expect(await exited).toBe(0);
  });
});
