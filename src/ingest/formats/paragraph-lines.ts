/**
 * Characters that take no space beside a line break: CJK ideographs, kana, hangul, CJK
 * and full-width punctuation, dashes and ellipses. Wrapped lines of Chinese text join
 * without a space; Latin words on either side of a wrap are one space apart.
 */
const NO_SPACE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u2014\u2026\u3000-\u303f\uff00-\uffef]/u;

/** Join the wrapped lines of one paragraph back into one line. */
export function joinWrapped(lines: string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const before = out.slice(-1);
    const after = line[0] as string;
    if (out && !NO_SPACE.test(before) && !NO_SPACE.test(after)) out += " ";
    out += line;
  }
  return out;
}
