/** Pure text helpers: [n] markers in an answer, and which span of a passage an answer cites. */
import { CITE_MARKER, markerNumbers } from "../api-contract.js";
import { isYearDigits } from "../text/numbers.js";

export type AnswerPart = { text: string } | { cite: number[]; raw: string };

const SENTENCE = /[^。！？；!?\n]*(?:[。！？；!?\n]+[”’」』）)"']*|\.(?=\s|$)|$)/g;
/** Clauses: a trailing separator stays outside the clause, so marks end on the words. */
const CLAUSE = /[^，,；;]+/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const QUOTE = /[“"「『]([^”"」』]{4,})[”"」』]/g;
const QUOTE_AFTER = /^\s*[:：]?\s*[“"「『]([^”"」』]{4,})[”"」』]/;
const HAN = /\p{Script=Han}/u;

export function splitAnswer(answer: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let last = 0;
  for (const m of answer.matchAll(CITE_MARKER)) {
    if (m.index > last) parts.push({ text: answer.slice(last, m.index) });
    parts.push({ cite: markerNumbers(m[1] ?? ""), raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < answer.length) parts.push({ text: answer.slice(last) });
  return parts;
}

/** The answer without its markers. */
export function stripMarkers(answer: string): string {
  return answer.replace(CITE_MARKER, "");
}

/** Non-blank pieces of `text` (within `within`) matched by `re`, leading blanks trimmed. */
function spans(text: string, re: RegExp, within: Span = [0, text.length]): Span[] {
  const out: Span[] = [];
  const [from, to] = within;
  for (const m of text.slice(from, to).matchAll(re)) {
    if (!m[0]) continue;
    let s = from + m.index;
    const e = s + m[0].length;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    if (s < e) out.push([s, e]);
  }
  return out;
}

/**
 * The part of the answer that citation `n` backs: the text between the previous marker and
 * this one when that says something, else the whole sentence, plus a quote that follows the
 * marker; the whole answer when `n` is never cited in the text.
 */
export function citedText(answer: string, n: number): string {
  let clean = "";
  const marks: { at: number; cite: number[] }[] = [];
  for (const part of splitAnswer(answer)) {
    if ("text" in part) clean += part.text;
    else marks.push({ at: clean.length, cite: part.cite });
  }
  const sentences = spans(clean, SENTENCE);
  const pieces: string[] = [];
  marks.forEach((mark, i) => {
    if (!mark.cite.includes(n)) return;
    let at = mark.at;
    while (at > 0 && /[\s。！？；!?.]/.test(clean[at - 1] ?? "")) at--;
    const sentence = sentences.find(([s, e]) => s < at && at <= e) ?? [0, clean.length];
    const prev = marks[i - 1]?.at ?? 0;
    const local = clean.slice(Math.max(sentence[0], prev), at);
    const said = local.match(NUMBER) || countHan(local) >= 4;
    // "…, the report says [1]: “原文”": the quote right after the marker belongs to it too
    const quote = clean.slice(mark.at, marks[i + 1]?.at).match(QUOTE_AFTER)?.[1];
    pieces.push(
      (said ? local : clean.slice(sentence[0], sentence[1])) + (quote ? ` “${quote}”` : ""),
    );
  });
  return pieces.length > 0 ? pieces.join(" ") : clean;
}

function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, million: 1e6, billion: 1e9 };

/** The figures in a text; "1.3万" and "13,000", "445亿" and "44.5 billion" meet as 13000 and 44500000000. */
function numbers(text: string): Set<string> {
  const out = new Set((text.match(NUMBER) ?? []).map((x) => x.replace(/,/g, "")));
  for (const m of text.matchAll(/(\d+(?:[.,]\d+)*)\s*(万|亿|million|billion)/gi)) {
    const scale = SCALE[(m[2] ?? "").toLowerCase()] ?? 1;
    out.add(String(Math.round(Number((m[1] ?? "").replace(/,/g, "")) * scale)));
  }
  return out;
}

/** Han bigrams and lower-cased Latin words: a rough bag of what a sentence talks about. */
function terms(text: string): Set<string> {
  const out = new Set<string>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i] ?? "";
    const b = chars[i + 1] ?? "";
    if (HAN.test(a) && HAN.test(b)) out.add(a + b);
  }
  for (const w of text.toLowerCase().match(/[a-z]{3,}/g) ?? []) out.add(w);
  return out;
}

type Want = { figures: string[]; terms: Set<string> };
type Span = [number, number];

/** The units (sentences or clauses) that carry the cited figures, else most of its words. */
function pick(passage: string, units: Span[], want: Want): Span[] {
  const scored = units.map((range) => {
    const text = passage.slice(range[0], range[1]);
    const have = numbers(text);
    const t = terms(text);
    let hits = 0;
    for (const x of t) if (want.terms.has(x)) hits++;
    const figures = want.figures.filter((x) => have.has(x)).length;
    return { range, figures, lexical: hits / Math.max(1, Math.min(t.size, want.terms.size)) };
  });
  let picked = scored.filter((x) => x.figures > 0);
  if (picked.length === 0) {
    const best = Math.max(0, ...scored.map((x) => x.lexical));
    if (best >= 0.3) picked = scored.filter((x) => x.lexical >= Math.max(0.3, best * 0.6));
  }
  return picked.map((x) => x.range);
}

/** Sentences longer than this are narrowed to their matching clauses. */
const LONG = 60;

/**
 * The [start, end) ranges of `passage` to mark for a citation backing `cited`: a verbatim
 * quote if the passage holds one; else the sentences that carry the cited figures (or,
 * failing figures, most of its words), a long sentence narrowed to its matching clauses;
 * else the whole passage.
 */
export function markRanges(passage: string, cited: string): Span[] {
  const whole: Span[] = [[0, passage.length]];
  const quoted: Span[] = [];
  for (const m of cited.matchAll(QUOTE)) {
    const at = passage.indexOf(m[1] ?? "\0");
    if (at >= 0) quoted.push([at, at + (m[1] ?? "").length]);
  }
  if (quoted.length > 0)
    return merge(
      passage,
      quoted.sort((a, b) => a[0] - b[0]),
    );
  const quote = cited.replace(/^[\s，,：:]+|[\s。！？；!?.，,]+$/g, "");
  if (countHan(quote) >= 8) {
    const at = passage.indexOf(quote);
    if (at >= 0) return [[at, at + quote.length]];
  }
  const want: Want = {
    figures: [...numbers(cited)].filter((x) => !isYearDigits(x)),
    terms: terms(cited),
  };
  const ranges: Span[] = [];
  for (const sentence of pick(passage, spans(passage, SENTENCE), want)) {
    const clauses =
      sentence[1] - sentence[0] > LONG ? pick(passage, spans(passage, CLAUSE, sentence), want) : [];
    ranges.push(...(clauses.length > 0 ? clauses : [sentence]));
  }
  return ranges.length > 0 ? merge(passage, ranges) : whole;
}

/** Sorted ranges, with neighbours that only punctuation separates joined. */
function merge(passage: string, ranges: Span[]): Span[] {
  const out: Span[] = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    if (last && /^[\s，,、；;]*$/.test(passage.slice(last[1], range[0]))) {
      last[1] = Math.max(last[1], range[1]);
    } else out.push([...range]);
  }
  return out;
}
