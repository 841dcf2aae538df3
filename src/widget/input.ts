/** The composer: the question box and its send button. */
import { REQUEST_LIMITS } from "../api-contract.js";
import { h, nextId } from "./dom.js";
import type { Labels } from "./i18n.js";
import { icon } from "./icons.js";

/** The box grows with its text up to this height (px), then scrolls. */
const MAX_HEIGHT = 160;

/**
 * A form with a growing textarea (Enter sends, Shift+Enter is a new line, an IME's Enter
 * composes) and a send button that is on only when there is a question and none in flight.
 */
export class Composer {
  readonly form: HTMLFormElement;
  private input: HTMLTextAreaElement;
  private sendBtn: HTMLButtonElement;
  private busy = false;

  constructor(labels: Labels, onSend: (text: string) => void) {
    const hintId = nextId("hint");
    const hint = labels.add(h("span", { class: "sr-only", id: hintId }), "keys");
    this.input = h("textarea", {
      "data-part": "input",
      rows: "1",
      maxlength: String(REQUEST_LIMITS.questionChars),
      enterkeyhint: "send",
      "aria-describedby": hintId,
    });
    labels.add(this.input, "placeholder", "placeholder", "aria-label");
    this.sendBtn = h(
      "button",
      { type: "submit", class: "send", "data-part": "send", disabled: "" },
      icon("send"),
    );
    labels.add(this.sendBtn, "send", "aria-label", "title");
    this.form = h("form", { class: "composer" }, hint, this.input, this.sendBtn);

    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      onSend(this.input.value);
    });
    this.input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      onSend(this.input.value);
    });
    this.input.addEventListener("input", () => {
      this.autosize();
      this.update();
    });
  }

  get value(): string {
    return this.input.value;
  }

  focus(): void {
    this.input.focus();
  }

  /** Empties the box if it still holds `question` (the reader may have typed on). */
  clearIf(question: string): void {
    if (this.input.value.trim() !== question) return;
    this.input.value = "";
    this.autosize();
  }

  /** Puts a failed question back into an empty box, to edit or send again. */
  restore(question: string): void {
    if (this.input.value.trim()) return;
    this.input.value = question;
    this.autosize();
    this.update();
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.update();
  }

  private update(): void {
    this.sendBtn.disabled = this.busy || !this.input.value.trim();
  }

  private autosize(): void {
    const ta = this.input;
    ta.style.height = "";
    if (ta.value) ta.style.height = `${Math.min(ta.scrollHeight + 2, MAX_HEIGHT)}px`;
  }
}
