/** `npm start`, the newcomer's command: a signal sent to npm's pid reaches the server. */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { nonJsonLines, type ServerProcess, startProcess } from "./server-process.js";

let npm: ServerProcess | undefined;
let serverPid: number | undefined;
let indexDir: string | undefined;
afterAll(async () => {
  // whatever happened above, nothing of this test keeps running
  if (serverPid && alive(serverPid)) process.kill(serverPid, "SIGKILL");
  if (npm && npm.child.exitCode === null) npm.child.kill("SIGKILL");
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start", () => {
  it("stops the server itself, after its drain, on SIGTERM to npm", async () => {
    indexDir = await mkdtemp(join(tmpdir(), "rqa-npm-index-"));
    await cp(inject("indexDir"), indexDir, { recursive: true });
    npm = await startProcess("npm", ["start", "--silent"], {
      INDEX_DIR: indexDir,
      LOG_LEVEL: "info",
    });
    const listening = await npm.waitFor((l) => l.msg === "listening");
    serverPid = listening.pid as number;
    expect(serverPid).not.toBe(npm.child.pid);
    await npm.waitFor((l) => l.msg === "ready");
    expect((await fetch(`${npm.url}/readyz`)).status).toBe(200);

    npm.child.kill("SIGTERM");
    expect(await npm.exited).toBe(0);
    expect(
      npm
        .logs()
        .map((l) => l.msg)
        .slice(-2),
    ).toEqual(["shutting down", "stopped"]);
    expect(alive(serverPid)).toBe(false);
    await expect(fetch(`${npm.url}/healthz`)).rejects.toThrow();
    expect(nonJsonLines(npm)).toEqual([]);
  });
});
