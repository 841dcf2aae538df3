import type { Asker } from "./answer/ask.js";
import type { LoadedIndex } from "./index/load-index.js";
import type { Searcher } from "./retrieve/hybrid-search.js";

/** Everything that answers a request, built from one loaded index (swapped whole on rebuild). */
export type Engine = {
  index: LoadedIndex;
  search: Searcher;
  asker: Asker;
};
