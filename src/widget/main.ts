/**
 * The embed script (/widget.js). Defines <report-qa-chat>; when loaded by a page that has
 * no such element, adds one in launcher mode:
 *   <script src="https://QA-HOST/widget.js" data-endpoint="https://QA-HOST" data-lang="en" defer>
 * data-mount="none" only defines the element; data-key="…" is the site's API key when
 * report-qa runs with API_KEYS (a WIDGET_KEY, honoured only from the allowed origins);
 * data-docs="doc1,doc2" limits answers to those documents (a report's own page).
 */
import { ReportQaChat } from "./element.js";

const TAG = "report-qa-chat";
const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};

// The API sits next to the script unless data-endpoint says otherwise.
ReportQaChat.defaultEndpoint =
  data.endpoint ?? (script?.src ? new URL(".", script.src).href : location.origin);

ReportQaChat.defaultKey = data.key;
ReportQaChat.defaultDocs = data.docs;

if (!customElements.get(TAG)) customElements.define(TAG, ReportQaChat);

function mount(): void {
  if (!script || data.mount === "none" || document.querySelector(TAG)) return;
  const el = document.createElement(TAG);
  el.setAttribute("mode", "launcher");
  if (data.endpoint) el.setAttribute("endpoint", data.endpoint);
  if (data.lang) el.setAttribute("lang", data.lang);
  if (data.title) el.setAttribute("heading", data.title);
  if (data.docs) el.setAttribute("docs", data.docs);
  document.body.append(el);
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", mount, { once: true });
} else {
  mount();
}
