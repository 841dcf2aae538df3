import { link, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { alive } from "./layout.js";

/**
 * One build at a time per INDEX_DIR, across processes: a lock file made by a hard link
 * (created whole or not at all) that names its holder. Builds stay build-then-claim (each
 * in its own folder, CURRENT swapped by rename), so the lock only saves duplicate work and
 * keeps a builder's clean-up away from another's fresh folder; a lock taken over wrongly
 * costs a second build, never an index.
 */
const BUILD_LOCK = {
  file: ".build.lock",
  /** how often a waiting process looks again */
  pollMs: 200,
  /**
   * a lock not refreshed for this long is abandoned, whoever holds it (a holder on another
   * host, or a dead holder whose pid was reused)
   */
  staleMs: 5 * 60_000,
  /** how many times the holder refreshes the lock within staleMs: a late refresh or two does not lose it */
  refreshesPerStale: 4,
} as const;

type Holder = { pid: number; host: string; since: number };

/** The lock's text and age, or undefined when it is gone. */
async function look(path: string): Promise<{ text: string; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    return { text, ageMs: Date.now() - info.mtimeMs };
  } catch {
    return undefined;
  }
}

function abandoned(text: string, ageMs: number): boolean {
  if (ageMs > BUILD_LOCK.staleMs) return true;
  try {
    const h = JSON.parse(text) as Holder;
    return h.host === hostname() && !alive(h.pid);
  } catch {
    return true;
  }
}

export type LockWait = (holder: { pid?: number; host?: string }) => void;

/**
 * Run `fn` holding INDEX_DIR's build lock; wait (polling) while another live process holds
 * it, and take over one that is abandoned. An INDEX_DIR that cannot be written (read-only,
 * full) fails here with the file system's error code, before any work.
 */
export async function withBuildLock<T>(
  indexDir: string,
  fn: () => Promise<T>,
  onWait?: LockWait,
): Promise<T> {
  const path = join(indexDir, BUILD_LOCK.file);
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: Date.now(),
  } satisfies Holder);
  const draft = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(draft, mine);
  try {
    let told = false;
    for (;;) {
      try {
        await link(draft, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const held = await look(path);
      if (held && abandoned(held.text, held.ageMs)) {
        // removed only if it is still the lock judged abandoned, not a fresh one
        if ((await look(path))?.text === held.text) await rm(path, { force: true });
        continue;
      }
      if (held && !told) {
        told = true;
        try {
          onWait?.(JSON.parse(held.text) as Holder);
        } catch {
          onWait?.({});
        }
      }
      await sleep(BUILD_LOCK.pollMs);
    }
  } finally {
    await rm(draft, { force: true });
  }
  const refresh = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => {});
  }, BUILD_LOCK.staleMs / BUILD_LOCK.refreshesPerStale);
  refresh.unref();
  try {
    return await fn();
  } finally {
    clearInterval(refresh);
    if ((await look(path))?.text === mine) await rm(path, { force: true });
  }
}
