import type { Asker } from "./answer/ask.js";
import type { AnswerContext } from "./answer/context.js";
import type { FigureTable } from "./figures/query.js";
import type { LoadedIndex } from "./index/load-index.js";
import type { PlaceIndex } from "./question/places.js";
import type { Searcher } from "./retrieve/hybrid-search.js";

/** Everything that answers a request, built from one loaded index (swapped whole on rebuild). */
export type Engine = {
  index: LoadedIndex;
  search: Searcher;
  /** the places of the gazetteer and of the corpus's documents */
  places: PlaceIndex;
  /** what answering and claim checking read */
  context: AnswerContext;
  /** every figure of every report as a row (GET /api/figures, table answers) */
  figures: FigureTable;
  asker: Asker;
};
