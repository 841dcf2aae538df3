import { Hono } from "hono";
import { z } from "zod";
import { REQUEST_LIMITS } from "../../api-contract.js";
import { notFound } from "../api-error.js";
import { type AppDeps, type Env, requireEngine } from "../deps.js";
import { passageJson } from "../passage-json.js";
import { validate } from "../validate.js";

const id = z.string().min(1).max(REQUEST_LIMITS.idChars);
const idParam = z.object({ id });
const docParam = z.object({ doc: id });

/** Passages and documents: read-only views of the loaded index (nothing is read from disk). */
export function corpusRoutes(deps: AppDeps) {
  const app = new Hono<Env>();

  app.get("/passages/:id", validate("param", idParam), (c) => {
    const { index, context } = requireEngine(deps);
    const { id } = c.req.valid("param");
    const i = index.byId.get(id);
    const p = i === undefined ? undefined : index.passages[i];
    if (i === undefined || !p) throw notFound(`passage ${JSON.stringify(id)}`);
    const prev = index.passages[i - 1];
    const next = index.passages[i + 1];
    return c.json({
      ...passageJson(p, context.docs),
      prev: prev?.doc === p.doc ? prev.id : null,
      next: next?.doc === p.doc ? next.id : null,
    });
  });

  app.get("/documents", (c) => {
    const { index } = requireEngine(deps);
    const counts = new Map<string, number>();
    for (const p of index.passages) counts.set(p.doc, (counts.get(p.doc) ?? 0) + 1);
    return c.json({
      documents: index.docs.map((d) => ({
        doc: d.doc,
        title: d.title,
        sections: d.outline.length,
        passages: counts.get(d.doc) ?? 0,
      })),
      skipped: index.skipped.map(({ file, reason }) => ({ file, reason })),
    });
  });

  app.get("/documents/:doc", validate("param", docParam), (c) => {
    const { index } = requireEngine(deps);
    const { doc } = c.req.valid("param");
    const d = index.docs.find((x) => x.doc === doc);
    if (!d) throw notFound(`document ${JSON.stringify(doc)}`);
    return c.json({ doc: d.doc, title: d.title, text: d.text, outline: d.outline });
  });

  return app;
}
