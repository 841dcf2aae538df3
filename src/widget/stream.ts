/** One question in flight: the streamed text as it grows, a stall timer, cancelling. */
import { PARTIAL_MARKER } from "../api-contract.js";
import { AskError, ask } from "./api.js";
import type { Answer, AskRequest, Citation } from "./types.js";

const STREAM = {
  /** No event for this long and the answer counts as failed (a retry is offered). */
  stallMs: 60_000,
};

/** Shows the answer so far: its text (a marker cut off at the end left out) and citations. */
export type ShowPartial = (text: string, citations: Citation[]) => void;

export type Asking = {
  /** the final answer; rejects with AskError, or with an AbortError once cancelled */
  answer: Promise<Answer>;
  cancel(): void;
  /** was it cancelled (rather than failed)? */
  readonly cancelled: boolean;
};

/**
 * Asks one question and shows its text as it streams. A `citations` event after text means
 * the answer starts over (a model answer given up part way, replaced by the offline one):
 * the text so far is dropped and the new text shown from its start. A stream with no event
 * for `STREAM.stallMs` fails as a cut-off stream.
 */
export function startAsking(req: AskRequest, show: ShowPartial): Asking {
  const ctrl = new AbortController();
  let cancelled = false;
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      ctrl.abort();
    }, STREAM.stallMs);
  };

  let text = "";
  let citations: Citation[] = [];
  const handlers = {
    onCitations: (c: Citation[]) => {
      alive();
      citations = c;
      if (!text) return;
      text = "";
      show(text, citations);
    },
    onDelta: (d: string) => {
      alive();
      text += d;
      show(text.replace(PARTIAL_MARKER, ""), citations);
    },
  };

  const answer = (async () => {
    alive();
    try {
      return await ask(req, handlers, ctrl.signal);
    } catch (err) {
      if (stalled) throw new AskError("stream", "stalled");
      throw err;
    } finally {
      clearTimeout(timer);
    }
  })();

  return {
    answer,
    cancel() {
      cancelled = true;
      ctrl.abort();
    },
    get cancelled() {
      return cancelled;
    },
  };
}
