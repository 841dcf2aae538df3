import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { SourceFile } from "../ingest/types.js";

/** SQuAD 1.1 format, as XQuAD ships it: only the fields the bench reads. */
const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ id: z.string(), question: z.string() })),
        }),
      ),
    }),
  ),
});

export type XquadQuestion = { id: string; zh: string; en: string; paragraph: string };
export type XquadSet = { files: SourceFile[]; questions: XquadQuestion[] };

const pad = (n: number) => String(n + 1).padStart(2, "0");

async function readSquad(path: string) {
  return squadSchema.parse(JSON.parse(await readFile(path, "utf8"))).data;
}

/**
 * The parallel Chinese and English files of an XQuAD folder: every Chinese paragraph
 * becomes a document ("a03-p02.txt"), every question is asked in both languages.
 */
export async function readXquad(dir: string): Promise<XquadSet> {
  const zh = await readSquad(join(dir, "xquad-dev.zh.json"));
  const en = await readSquad(join(dir, "xquad-dev.en.json"));
  const files: SourceFile[] = [];
  const questions: XquadQuestion[] = [];
  zh.forEach((article, a) => {
    article.paragraphs.forEach((para, p) => {
      const name = `a${pad(a)}-p${pad(p)}`;
      files.push({ name: `${name}.txt`, format: "txt", raw: para.context, meta: {} });
      const english = new Map(
        (en[a]?.paragraphs[p]?.qas ?? []).map((q) => [q.id, q.question] as const),
      );
      for (const q of para.qas) {
        const question = english.get(q.id);
        if (question === undefined) throw new Error(`no English question for ${q.id}`);
        questions.push({ id: q.id, zh: q.question, en: question, paragraph: name });
      }
    });
  });
  return { files, questions };
}
