/** The longest standalone question kept from a model's rewrite. */
export const MAX_STANDALONE = 500;

/**
 * A model's rewrite -> the question alone: its first non-empty line, without a label
 * ("Question:", "问题：") or surrounding quotes; undefined when nothing is left.
 */
export function readStandalone(text: string): string | undefined {
  const line =
    text
      .split("\n")
      .map((l) => l.trim())
      .find(Boolean) ?? "";
  const question = line
    .replace(/^(standalone question|rewritten question|question|问题)\s*[:：]\s*/i, "")
    .replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/g, "")
    .trim();
  return question ? [...question].slice(0, MAX_STANDALONE).join("") : undefined;
}
