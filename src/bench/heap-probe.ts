/**
 * Loaded into the server by `npm run bench:load` (with --expose-gc): on SIGUSR2 it collects
 * garbage and prints the live JS heap, so that a leak can be told from V8 growing its heap
 * lazily (which resident memory alone cannot show).
 */
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

process.on("SIGUSR2", () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.stderr.write(
    `heap-probe ${JSON.stringify({ heapMiB: mib(m.heapUsed), rssMiB: mib(m.rss) })}\n`,
  );
});
