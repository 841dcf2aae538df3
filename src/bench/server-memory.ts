import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { rssMiB } from "./bench-server.js";

/**
 * The real server (this process's Node and loader, src/main.ts) on a built index: its
 * resident memory once ready, and after it answered `questions` over HTTP.
 */
export async function serverMemory(
  env: Record<string, string>,
  questions: string[],
): Promise<{ readyMiB: number; afterMiB: number; startMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...process.execArgv, "src/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      LOG_LEVEL: "info",
      RATE_LIMIT_PER_MINUTE: "0",
      OPENAI_API_KEY: "",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  try {
    let url = "";
    const ready = new Promise<void>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
      createInterface({ input: child.stderr }).on("line", (text) => {
        const line = JSON.parse(text) as { msg: string; url?: string };
        if (line.msg === "listening") url = line.url ?? "";
        if (line.msg === "ready") resolve();
      });
    });
    await ready;
    const startMs = performance.now() - started;
    const pid = child.pid as number;
    const readyMiB = rssMiB(pid);
    for (const question of questions) {
      await fetch(`${url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question }),
      }).then((r) => r.arrayBuffer());
    }
    return { readyMiB, afterMiB: rssMiB(pid), startMs };
  } finally {
    child.kill("SIGTERM");
  }
}
