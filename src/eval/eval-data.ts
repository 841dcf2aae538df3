import { readFile } from "node:fs/promises";
import { z } from "zod";

const question = z.object({
  id: z.string(),
  lang: z.enum(["zh", "en"]),
  question: z.string(),
  answerable: z.boolean(),
  evidence: z.string().nullable(),
  figure: z.string().nullable(),
  history: z
    .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() }))
    .optional(),
});
const claim = z.object({
  id: z.string(),
  lang: z.enum(["zh", "en"]),
  claim: z.string(),
  supported: z.boolean(),
  evidence: z.string(),
});
export type EvalQuestion = z.infer<typeof question>;

export async function readEvalData(dir: string) {
  const q = JSON.parse(await readFile(`${dir}/questions.json`, "utf8"));
  const c = JSON.parse(await readFile(`${dir}/claims.json`, "utf8"));
  return { questions: z.array(question).parse(q), claims: z.array(claim).parse(c) };
}
