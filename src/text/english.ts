/**
 * English word normalisation shared by the lexicon (built from dictionary glosses) and the
 * query side, so that both reduce "enterprises", "invested", "fled" the same way:
 * `normWord` undoes plurals only, the same way on both sides; `lemmaCandidates` proposes
 * base forms of -ed/-ing, irregular and Latin forms for the query side to try.
 */

/** Plurals that are not: "news" is not the plural of "new". */
const NOT_PLURAL = new Set(
  "news series species means physics mathematics economics politics statistics ethics gas bus lens this yes always perhaps whereas".split(
    " ",
  ),
);

/**
 * A word's dictionary key: lower case, plural -s undone (Harman's S-stemmer, deterministic so
 * that glosses and questions agree: "assets" -> "asset", "cities" -> "city").
 */
export function normWord(word: string): string {
  const w = word.toLowerCase();
  if (w.length <= 3 || NOT_PLURAL.has(w)) return w;
  if (w.endsWith("ies") && !/[ae]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (w.endsWith("es") && !/[aeo]es$/.test(w)) return w.slice(0, -1);
  if (w.endsWith("s") && !/(us|ss|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Irregular past forms and plurals: "fled" -> flee, "won" -> win, "children" -> child. */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  (
    "arose:arise awoke:awake was:be were:be been:be bore:bear born:bear beat:beat became:become " +
    "begun:begin began:begin bent:bend bet:bet bound:bind bit:bite bitten:bite bled:bleed " +
    "blew:blow blown:blow broke:break broken:break bred:breed brought:bring built:build " +
    "burnt:burn burst:burst bought:buy caught:catch chose:choose chosen:choose clung:cling " +
    "came:come cost:cost crept:creep cut:cut dealt:deal dug:dig did:do done:do drew:draw " +
    "drawn:draw dreamt:dream drank:drink drunk:drink drove:drive driven:drive ate:eat eaten:eat " +
    "fell:fall fallen:fall fed:feed felt:feel fought:fight found:find fled:flee flung:fling " +
    "flew:fly flown:fly forbade:forbid forbidden:forbid forgot:forget forgotten:forget " +
    "forgave:forgive forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give " +
    "given:give went:go gone:go ground:grind grew:grow grown:grow hung:hang had:have heard:hear " +
    "hid:hide hidden:hide hit:hit held:hold hurt:hurt kept:keep knelt:kneel knew:know known:know " +
    "laid:lay led:lead leapt:leap learnt:learn left:leave lent:lend let:let lay:lie lain:lie " +
    "lit:light lost:lose made:make meant:mean met:meet paid:pay put:put quit:quit read:read " +
    "rode:ride ridden:ride rang:ring rung:ring rose:rise risen:rise ran:run said:say saw:see " +
    "seen:see sought:seek sold:sell sent:send set:set shook:shake shaken:shake shed:shed " +
    "shone:shine shot:shoot showed:show shown:show shrank:shrink shut:shut sang:sing sung:sing " +
    "sank:sink sunk:sink sat:sit slept:sleep slid:slide slung:sling spoke:speak spoken:speak " +
    "sped:speed spent:spend spun:spin spread:spread sprang:spring sprung:spring stood:stand " +
    "stole:steal stolen:steal stuck:stick stung:sting struck:strike strove:strive swore:swear " +
    "sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take taken:take taught:teach " +
    "tore:tear torn:tear told:tell thought:think threw:throw thrown:throw understood:understand " +
    "undertook:undertake woke:wake woken:wake wore:wear worn:wear wove:weave woven:weave wept:weep " +
    "won:win wound:wind withdrew:withdraw withdrawn:withdraw wrote:write written:write " +
    "children:child men:man women:woman people:person feet:foot teeth:tooth mice:mouse geese:goose " +
    "oxen:ox lives:life wives:wife knives:knife leaves:leaf halves:half shelves:shelf wolves:wolf " +
    "thieves:thief analyses:analysis crises:crisis theses:thesis bases:basis"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/** Base forms a verb form may come from ("invested" -> invest, investe; "using" -> use). */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  const irregular = Object.hasOwn(IRREGULAR, w) ? IRREGULAR[w] : undefined;
  if (irregular) out.push(irregular);
  // Latin and Greek plurals: cilia -> cilium, fungi -> fungus, algae -> alga, criteria -> criterion
  if (w.length >= 4) {
    if (w.endsWith("ae")) out.push(w.slice(0, -1));
    else if (w.endsWith("a")) out.push(`${w.slice(0, -1)}um`, `${w.slice(0, -1)}on`);
    else if (w.endsWith("i")) out.push(`${w.slice(0, -1)}us`);
    else if (w.endsWith("ices")) out.push(`${w.slice(0, -4)}ex`, `${w.slice(0, -4)}ix`);
  }
  const undouble = (s: string) => (/([b-df-hj-np-tv-z])\1$/.test(s) ? s.slice(0, -1) : undefined);
  if (w.length >= 5 && w.endsWith("ied")) out.push(`${w.slice(0, -3)}y`);
  else if (w.length >= 5 && w.endsWith("ed")) {
    const base = w.slice(0, -2);
    out.push(w.slice(0, -1), base);
    const u = undouble(base);
    if (u) out.push(u);
  } else if (w.length >= 6 && w.endsWith("ing")) {
    const base = w.slice(0, -3);
    out.push(base, `${base}e`);
    const u = undouble(base);
    if (u) out.push(u);
  }
  return out.filter((c) => c.length >= 3);
}

/** English words of a text as written, possessives and hyphens split off. */
export function englishTokens(text: string): string[] {
  return (
    text
      .replace(/[’`]/g, "'")
      .match(/[A-Za-z][A-Za-z0-9]*(?:'[A-Za-z]+)?/g)
      ?.map((w) => w.replace(/'[sS]$|'$/, "")) ?? []
  );
}

/** English words of a text, lower case. */
export function englishWords(text: string): string[] {
  return englishTokens(text).map((w) => w.toLowerCase());
}

/** A word sequence's key: each word normalised, joined by spaces. */
export function phraseKey(words: string[]): string {
  return words.map(normWord).join(" ");
}

/**
 * Function words and the framing words of questions. They are skipped as single words
 * but still take part in phrases ("Victoria and Albert Museum", "state of the art").
 */
export const STOP_WORDS = new Set(
  (
    "a an the of in on at to for by with from as into onto about over under than then " +
    "and or but nor not no so if because while during after before since until between " +
    "is are was were be been being am do does did done doing have has had having " +
    "will would shall should can could may might must ought " +
    "what which who whom whose when where why how whatever whichever " +
    "this that these those there here it its it's they them their theirs he him his she her " +
    "hers we us our ours you your yours i me my mine one's " +
    "such same other another any some each every all both either neither " +
    "very also just only even still yet too much many more most less least " +
    "s t th st nd rd etc e g eg ie " +
    // how questions are framed, not what they ask about
    "now currently presently today want wants wanted need needs needed intend intends intended " +
    "aim aims aimed plan plans planned expect expects expected roughly approximately nearly " +
    "get gets got tell please know " +
    "report reports reported say says said mention mentions mentioned describe describes " +
    "described talk talks regarding concerning"
  ).split(/\s+/),
);
