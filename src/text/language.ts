export type Language = "zh" | "en";

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/** zh when the text has Chinese characters in earnest: a Chinese question with an English word stays Chinese. */
export function detectLanguage(text: string): Language {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_WORD)?.length ?? 0;
  if (han === 0) return "en";
  // one Chinese word in an English sentence does not make it Chinese
  return han >= 4 || han >= latin ? "zh" : "en";
}
