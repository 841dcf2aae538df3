import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Language } from "../../text/language.js";
import { MODEL_REFUSAL } from "../model-answer.js";

/** The repository's prompts/ folder. */
export const PROMPTS_DIR = fileURLToPath(new URL("../../../prompts/", import.meta.url));

/** The system prompts, as read from prompts/*.md. */
export type Prompts = { answer: string; condense: string };

/** What each prompt must mention, so that an edit that breaks the contract fails at start. */
const REQUIRED: Record<keyof Prompts, string[]> = {
  answer: ["{{language}}", MODEL_REFUSAL, "<passages>", "<question>", "&lt;"],
  condense: ["<history>", "<question>", "&lt;"],
};

export class PromptError extends Error {}

/** Read the prompts once (at engine build, never per request) and check them. */
export async function loadPrompts(dir = PROMPTS_DIR): Promise<Prompts> {
  const read = async (name: keyof Prompts) => {
    const file = join(dir, `${name}.md`);
    const text = (await readFile(file, "utf8")).trim();
    const missing = REQUIRED[name].filter((s) => !text.includes(s));
    if (missing.length) throw new PromptError(`${file} does not mention ${missing.join(", ")}`);
    return text;
  };
  return { answer: await read("answer"), condense: await read("condense") };
}

const LANGUAGE_NAME: Record<Language, string> = {
  zh: "Simplified Chinese (简体中文)",
  en: "English",
};

/** The answer prompt for a question in this language. */
export const answerSystem = (prompts: Prompts, language: Language): string =>
  prompts.answer.replaceAll("{{language}}", LANGUAGE_NAME[language]);
