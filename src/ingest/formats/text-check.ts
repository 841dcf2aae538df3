/**
 * When decoded bytes count as text. Random bytes decoded in any encoding carry control
 * characters, replacement characters or symbols in shares that real text never has.
 */
const TEXT_CHECK = {
  /** C0/C1 control characters other than tab, line feed, form feed and carriage return,
   * as a share of all characters. Text has none; random bytes about 10%. */
  maxControlShare: 0.01,
  /** U+FFFD (bytes the decoder could not map), as a share of all characters. A wrong
   * encoding gives several percent; a stray one in a real file stays far below. */
  maxReplacementShare: 0.01,
  /** letters of any script (CJK included) and digits, as a share of the non-space
   * characters. Chinese reports are about 85% (the rest punctuation); noise is far lower. */
  minLetterShare: 0.5,
} as const;

/** C0 and C1 controls, less the ones plain text uses: tab, line feed, form feed, return. */
const CONTROL = /(?![\t\n\f\r])\p{Cc}/gu;
const REPLACEMENT = /\ufffd/gu;
const LETTER = /[\p{L}\p{N}]/gu;
const SPACE = /\s/gu;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Why these characters cannot be text decoded in the right encoding (control or
 * replacement characters), or undefined. Markup passes: it is checked before extraction.
 */
export function decodingProblem(text: string): string | undefined {
  const chars = [...text].length;
  if (chars === 0) return undefined;
  const control = count(text, CONTROL) / chars;
  if (control > TEXT_CHECK.maxControlShare)
    return `not text: ${percent(control)} control characters`;
  const replaced = count(text, REPLACEMENT) / chars;
  if (replaced > TEXT_CHECK.maxReplacementShare)
    return `not text: ${percent(replaced)} undecodable characters`;
  return undefined;
}

/** Why a document's extracted text is not text, or undefined when it is. */
export function notTextReason(text: string): string | undefined {
  const visible = [...text].length - count(text, SPACE);
  if (visible === 0) return "no text";
  const problem = decodingProblem(text);
  if (problem) return problem;
  const letters = count(text, LETTER) / visible;
  if (letters < TEXT_CHECK.minLetterShare)
    return `not text: only ${percent(letters)} letters or digits`;
  return undefined;
}
