import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Config } from "../config.js";
import type { Engine } from "../engine.js";
import type { FigureFilter } from "../figures/query.js";
import { createLogger } from "../log.js";
import { createApp } from "../server/app.js";
import { quantile } from "./stats.js";

/** The queries GET /api/figures is timed on: each filter alone and together, JSON and CSV. */
const QUERIES: [string, Record<string, string>, string?][] = [
  ["q=地区生产总值 kind=target main", { q: "地区生产总值", kind: "target", main: "true" }],
  ["q=GDP year=2025 growth", { q: "GDP", year: "2025", measure: "growth" }],
  ["q=unemployment rate", { q: "unemployment rate" }],
  ["q=城镇新增就业 result", { q: "城镇新增就业", kind: "result" }],
  ["place=Beijing year=2024", { place: "Beijing", year: "2024" }],
  ["doc (one report)", { doc: "2025年广东省政府工作报告" }],
  ["main targets, all reports", { main: "true" }],
  ["no filter (first 500 rows)", {}],
  ["q=粮食产量 as CSV", { q: "粮食产量" }, "text/csv"],
];
const ROUNDS = 40;

const ms = (x: number) => `${x.toFixed(2)} ms`.padStart(9);

/** A query string's filters as FigureTable.query takes them. */
const filterOf = (q: Record<string, string>): FigureFilter => ({
  ...q,
  year: q.year ? Number(q.year) : undefined,
  main: q.main ? q.main === "true" : undefined,
  kind: q.kind as FigureFilter["kind"],
  measure: q.measure as FigureFilter["measure"],
});

/**
 * `npm run bench`, the figure table: GET /api/figures over the 45 reports of the repository
 * (the corpus and the fixtures), sequential requests over HTTP on loopback after one
 * untimed request each, median and p99 per query and over all of them; the table's size
 * and its query time in-process.
 */
export async function runFiguresBench(engine: Engine, base: Config): Promise<void> {
  const log = createLogger("silent");
  const { figures } = engine;
  console.log(
    `\nfigure table: ${figures.rows.length} rows (${figures.rows.filter((r) => r.main).length} main targets) from ${engine.index.manifest.documents} reports`,
  );
  const app = createApp({ config: base, log, engine: () => engine });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/figures`;
  const all: number[] = [];
  const inProcess: number[] = [];
  for (const [label, query, accept] of QUERIES) {
    const times: number[] = [];
    const href = `${url}?${new URLSearchParams(query)}`;
    let rows = "";
    // one untimed request first: the rows' JSON is made once, on first use
    await (await fetch(href, { headers: { accept: accept ?? "application/json" } })).text();
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      const res = await fetch(href, { headers: { accept: accept ?? "application/json" } });
      await res.text();
      times.push(performance.now() - t);
      rows = res.headers.get("x-total-count") ?? "";
      const q = performance.now();
      figures.query(filterOf(query));
      inProcess.push(performance.now() - q);
    }
    all.push(...times);
    console.log(
      `GET /api/figures ${label.padEnd(28)} median ${ms(quantile(times, 0.5))}   p99 ${ms(quantile(times, 0.99))}   (${rows} rows)`,
    );
  }
  console.log(
    `GET /api/figures, all queries ${"".padEnd(15)} median ${ms(quantile(all, 0.5))}   p99 ${ms(quantile(all, 0.99))}   (n=${all.length}); in-process query median ${ms(quantile(inProcess, 0.5))}`,
  );
  await new Promise((r) => server.close(r));
}
