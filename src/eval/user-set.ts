import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { z } from "zod";

const KINDS = [
  "figure",
  "rank",
  "open",
  "list",
  "yesno",
  "compare",
  "problems",
  "about",
  "followup",
  "unanswerable",
  "cross",
] as const;

const question = z.object({
  id: z.string(),
  lang: z.enum(["zh", "en"]),
  kind: z.enum(KINDS),
  asks: z.enum(KINDS).optional(),
  question: z.string(),
  history: z
    .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() }))
    .optional(),
  answerable: z.boolean(),
  docs: z.array(z.string()).optional(),
  evidence: z.array(z.string()),
  figure: z.string().optional(),
  facts: z.array(z.string()).optional(),
  verdict: z.enum(["yes", "no"]).optional(),
  figures: z.array(z.string()).optional(),
  winner: z.string().optional(),
  mentions: z.array(z.string()).optional(),
  rows: z.array(z.object({ doc: z.string(), figure: z.string() })).optional(),
  note: z.string().optional(),
});

/** A question written the way users ask, with what a right answer must carry (tests/eval/*). */
export type UserQuestion = z.infer<typeof question>;
export type UserKind = (typeof KINDS)[number];

export async function readUserSet(path: string): Promise<UserQuestion[]> {
  return z.array(question).parse(JSON.parse(await readFile(path, "utf8")));
}

/**
 * The fifth of every set kept aside and never looked at while tuning: chosen by a hash of
 * the id, so nobody picks it and it stays the same as the set grows.
 */
export const isHeldOut = (id: string): boolean =>
  (createHash("sha1").update(id).digest()[0] as number) % 5 === 0;

/** The kind a question is graded as: a follow-up by what it asks once resolved. */
export const gradedKind = (q: UserQuestion): UserKind =>
  q.kind === "followup" ? (q.asks ?? "figure") : q.kind;
