import { Hono } from "hono";
import { z } from "zod";
import { REQUEST_LIMITS } from "../../api-contract.js";
import type { Engine } from "../../engine.js";
import { FIGURE_KINDS, MEASURES } from "../../figures/types.js";
import { findPlaces } from "../../question/places.js";
import { notFound } from "../api-error.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { figureRowJson, figureRowText } from "../figure-json.js";
import { figuresCsv } from "../figures-csv.js";
import { validate } from "../validate.js";

/** Rows a page holds unless the client asks for another number, and at most. */
const FIGURE_PAGE = { default: 500, max: 10_000 } as const;

/** The bounds of GET /api/figures' filters (a document id as everywhere: REQUEST_LIMITS.idChars). */
const FIGURE_FILTERS = {
  /** characters of `q`, an indicator's words */
  qChars: 200,
  /** characters of `place`, a place's name */
  placeChars: 100,
  /** the years a report may be of */
  years: { min: 1900, max: 2100 },
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const query = z.object({
  q: text(FIGURE_FILTERS.qChars).optional(),
  doc: text(REQUEST_LIMITS.idChars).optional(),
  place: text(FIGURE_FILTERS.placeChars).optional(),
  year: z.coerce
    .number()
    .int()
    .min(FIGURE_FILTERS.years.min)
    .max(FIGURE_FILTERS.years.max)
    .optional(),
  kind: z.enum(FIGURE_KINDS).optional(),
  measure: z.enum(MEASURES).optional(),
  main: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(FIGURE_PAGE.max).default(FIGURE_PAGE.default),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The reports of a place named in either language (北京, 北京市, Beijing), if it is one. */
function docsOfPlace(engine: Engine, name: string): Set<string> | undefined {
  const places = new Set(findPlaces(name, engine.places).map((m) => m.place));
  if (!places.size) return undefined;
  const docs = new Set<string>();
  for (const [doc, p] of engine.places.ofDoc) if (places.has(p)) docs.add(doc);
  return docs;
}

/** Alternatives kept per word of an English q, as the lexicon ranks them. */
const MIN_SENSE = 0.5;

/**
 * The Chinese words an English q translates to through the corpus's lexicon (the query
 * analysis search uses), for an indicator with no English name of its own; none for Chinese
 * or for a q that names a common indicator.
 */
async function englishTerms(engine: Engine, q: string): Promise<string[][] | undefined> {
  if (/[\u3400-\u9fff]/.test(q) || engine.figures.vocabulary.keysInEnglish(q).length)
    return undefined;
  const { query } = await engine.search(q, 1);
  return query.groups.map((g) =>
    g.alts
      .filter((a) => a.p >= MIN_SENSE && /^[\u3400-\u9fff]{2,}$/.test(a.term))
      .map((a) => a.term),
  );
}

/** Does the client want CSV rather than JSON? */
const wantsCsv = (accept: string | undefined) =>
  /\btext\/csv\b/i.test(accept ?? "") && !/\bapplication\/json\b/i.test(accept ?? "");

/**
 * GET /api/figures: the figure table, filtered (q: the indicator in either language; doc,
 * place, year, kind, measure, main), a page of it; JSON, or CSV with a header row for
 * `Accept: text/csv`. Every row names its passage and links to it.
 */
export function figureRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  app.get("/", validate("query", query), async (c) => {
    const engine = requireEngine(deps);
    const { limit, offset, place, doc, ...filter } = c.req.valid("query");
    if (doc !== undefined && !engine.context.docs.has(doc))
      throw notFound(`document ${JSON.stringify(doc)}`);
    const docs = place === undefined ? undefined : docsOfPlace(engine, place);
    const terms = filter.q ? await englishTerms(engine, filter.q) : undefined;
    const all = engine.figures.query({ ...filter, doc, place, docs, terms });
    const page = all.slice(offset, offset + limit);
    c.header("X-Total-Count", String(all.length));
    if (wantsCsv(c.req.header("accept"))) {
      const csv = figuresCsv(page.map(figureRowJson));
      return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
    }
    const head = JSON.stringify({ total: all.length, offset, limit }).slice(0, -1);
    const body = `${head},"rows":[${page.map(figureRowText).join(",")}]}`;
    return c.body(body, 200, { "Content-Type": "application/json" });
  });
  return app;
}
