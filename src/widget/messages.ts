/** The conversation: questions, answers as they stream and once final, their sources, errors. */
import { fillAnswer } from "./answer-text.js";
import { stripMarkers } from "./cite-text.js";
import { h } from "./dom.js";
import type { Strings } from "./i18n.js";
import { icon } from "./icons.js";
import { toggleSource } from "./source-card.js";
import { fillTableAnswer, hasTable } from "./table.js";
import type { Answer, Citation } from "./types.js";

const typing = () => h("span", { class: "typing", "aria-hidden": "true" }, h("i"), h("i"), h("i"));

/** A source chip's words: the report when the answer draws on several, else the heading. */
function chipLabel(c: Citation, manyReports: boolean): string {
  if (manyReports && c.title) return c.title;
  // a bare "（一）" says little: show its parent heading with it
  const tail = c.section.slice(-2);
  return (tail[1] && tail[1].length < 6 ? tail.join(" › ") : tail.at(-1)) || c.title || c.doc;
}

/** The list of sources under an answer, one chip per citation in [n] order. */
function sourcesList(citations: Citation[], t: Strings): HTMLElement {
  const many = new Set(citations.map((c) => c.doc)).size > 1;
  const list = h("div", { class: "sources" }, h("span", { class: "sources-label" }, t.sources));
  for (const c of [...citations].sort((a, b) => a.n - b.n)) {
    const where = [c.title, c.section.join(" › ")].filter(Boolean).join(" › ") || c.doc;
    list.append(
      h(
        "button",
        {
          type: "button",
          class: "chip",
          "data-n": String(c.n),
          "aria-expanded": "false",
          title: where,
        },
        h("span", { class: "num" }, String(c.n)),
        h("span", { class: "label" }, chipLabel(c, many)),
      ),
    );
  }
  return list;
}

/** The message log of one chat element. `strings` gives the UI strings in force. */
export class MessageLog {
  readonly el = h("div", { class: "log" });
  private answers = new WeakMap<Element, Answer>();

  constructor(
    private strings: () => Strings,
    onSuggest: (question: string) => void,
  ) {
    this.el.addEventListener("click", (e) => {
      const target = e.target as Element;
      const suggestion = target.closest("[data-suggest]")?.getAttribute("data-suggest");
      if (suggestion) return onSuggest(suggestion);
      const msg = target.closest<HTMLElement>(".msg");
      if (!msg) return;
      const n = target.closest("button[data-n]")?.getAttribute("data-n");
      const answer = this.answers.get(msg);
      if (target.closest("[data-action=close-source]"))
        toggleSource(msg, answer, undefined, this.strings());
      else if (n) toggleSource(msg, answer, Number(n), this.strings());
    });
  }

  /** An empty conversation: the intro and suggested questions. */
  showEmpty(): void {
    this.el.replaceChildren(this.emptyState());
  }

  /** The intro again, in the language now in force, if the conversation has not begun. */
  refreshEmpty(): void {
    this.el.querySelector(".empty")?.replaceWith(this.emptyState());
  }

  /** The asker's question; the intro and any error go. */
  user(question: string): HTMLElement {
    this.el.querySelector(".empty")?.remove();
    this.clearErrors();
    const msg = h(
      "div",
      { class: "msg", "data-part": "message", "data-role": "user" },
      h("div", { class: "bubble" }, question),
    );
    this.el.append(msg);
    return msg;
  }

  /** The answer's place after its question, busy until the answer is final. */
  pending(question: HTMLElement): { msg: HTMLElement; bubble: HTMLElement } {
    const bubble = h("div", { class: "bubble" }, typing());
    const msg = h(
      "div",
      { class: "msg", "data-part": "message", "data-role": "assistant", "aria-busy": "true" },
      bubble,
    );
    question.after(msg);
    this.scrollToEnd(true);
    return { msg, bubble };
  }

  /** The answer so far; no text yet (or an answer that starts over) shows the typing dots. */
  partial(bubble: HTMLElement, text: string, citations: Citation[]): void {
    if (!text) bubble.replaceChildren(typing());
    else fillAnswer(bubble, text, citations, false, this.strings());
    this.scrollToEnd();
  }

  /** The final answer: its text (or table) with live [n] buttons and its sources; or "not in the report". */
  answer(msg: HTMLElement, answer: Answer): void {
    const t = this.strings();
    msg.removeAttribute("aria-busy");
    this.answers.set(msg, answer);
    const bubble = h("div", { class: "bubble" });
    msg.replaceChildren(bubble);
    if (!answer.grounded) {
      msg.setAttribute("data-grounded", "false");
      bubble.append(
        h("div", { class: "note" }, icon("info"), t.notFound),
        stripMarkers(answer.answer).trim(),
      );
      return;
    }
    msg.setAttribute("data-grounded", "true");
    if (hasTable(answer)) {
      msg.setAttribute("data-kind", "table");
      fillTableAnswer(bubble, answer, t);
    } else fillAnswer(bubble, answer.answer.trim(), answer.citations, true, t);
    if (answer.citations.length > 0) msg.append(sourcesList(answer.citations, t));
  }

  /**
   * A failed question: what went wrong and a retry, after the question. `onRetry` gets a
   * function that takes the error away, to call when it does retry.
   */
  error(question: HTMLElement, text: string, onRetry: (dismiss: () => void) => void): void {
    const retry = h(
      "button",
      { type: "button", "data-action": "retry" },
      icon("retry"),
      this.strings().retry,
    );
    const box = h(
      "div",
      { class: "error", "data-part": "error", role: "alert" },
      icon("alert"),
      h("span", {}, text),
      retry,
    );
    retry.addEventListener("click", () => onRetry(() => box.remove()));
    question.after(box);
    this.scrollToEnd(true);
  }

  clearErrors(): void {
    for (const e of this.el.querySelectorAll("[data-part=error]")) e.remove();
  }

  /** Follows new text unless the reader scrolled up (`force`: always). */
  scrollToEnd(force = false): void {
    const log = this.el;
    if (force || log.scrollHeight - log.scrollTop - log.clientHeight < 120) {
      log.scrollTop = log.scrollHeight;
    }
  }

  private emptyState(): HTMLElement {
    const t = this.strings();
    const list = h("div", { class: "suggest" });
    for (const s of t.suggestions)
      list.append(h("button", { type: "button", "data-suggest": s }, s));
    return h(
      "div",
      { class: "empty" },
      h("div", { class: "badge", "aria-hidden": "true" }, icon("chat")),
      h("p", {}, t.intro),
      list,
    );
  }
}
