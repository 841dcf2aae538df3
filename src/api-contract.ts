/**
 * What the HTTP API and its browser client (src/widget/) agree on: the bounds of a request,
 * the citation marker in answer text, and which lines of a table answer are its rows. The
 * server validates and renders with these and the widget stays inside them, so a rule
 * changes in one place. It is bundled into the widget, so it imports nothing.
 */
export const REQUEST_LIMITS = {
  /** characters in a question (after trimming) */
  questionChars: 2000,
  /** turns of `history` a question may carry; a client sends the latest ones */
  historyTurns: 20,
  /** characters in one history turn */
  turnChars: 8000,
  /** documents a question may be limited to (`docs`) */
  docs: 50,
  /** characters in one document id of `docs` */
  docChars: 200,
  /** characters in a passage id or document id in a path (GET /api/passages/:id, /api/documents/:doc) */
  idChars: 300,
  /** passages a search returns (`k` of GET /api/search): its default and most */
  searchK: { default: 5, max: 50 },
  /** passages an answer is drawn from (`k` of POST /api/ask) at most */
  askK: 20,
  /** `max_chars` of a reply (POST /api/ask, /v1/chat/completions): the least and most */
  replyChars: { min: 40, max: 4000 },
  /** messages of one chat completion request (a bot sends the whole conversation) */
  chatMessages: 40,
} as const;

/**
 * A citation marker as answers carry it: [1], [1][2] (two markers), [1, 2], and the
 * full-width ［1］【1】 some models write. Group 1 is the list of numbers. Global: use it
 * with matchAll or replace, never with test or exec.
 */
export const CITE_MARKER = /[[［【](\d{1,3}(?:\s*[,，、]\s*\d{1,3})*)[\]］】]/g;

/** The start of a marker cut off at the end of a streamed piece of text ("…增长16% [1"). */
export const PARTIAL_MARKER = /[[［【][\d\s,，、]*$/;

/** The numbers a marker's list names: "1, 2" -> [1, 2]. */
export function markerNumbers(list: string): number[] {
  return list.split(/[,，、]/).map((s) => Number(s.trim()));
}

/**
 * The lines of a table answer's text that are not its rows (a verdict, the heading): a line
 * that cites one of the rows' [n], or opens with the name of a row's report (a report without
 * the figure, whose row has no citation), is that row, which a client shows as a table instead.
 */
export function tableLead(
  answer: string,
  rows: readonly { n: number; cells: readonly string[] }[],
): string[] {
  const cited = new Set(rows.map((r) => r.n).filter((n) => n > 0));
  const names = rows.map((r) => r.cells[0] ?? "").filter((name) => name.length > 0);
  const isRow = (line: string) =>
    names.some((name) => line.startsWith(name)) ||
    [...line.matchAll(CITE_MARKER)].some((m) =>
      markerNumbers(m[1] ?? "").some((n) => cited.has(n)),
    );
  return answer.split("\n").filter((line) => line.trim() && !isRow(line));
}
