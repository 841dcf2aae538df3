import type autocannon from "autocannon";
import { readEvalData } from "../eval/eval-data.js";
import { freePort, type Result, run, startServer, stop, waitReady } from "./bench-server.js";

/** The scenario's numbers: what "one heavy client among ordinary ones" means here. */
const HEAVY_CLIENT = {
  /** the heavy client's questions: the longest /api/ask takes, of random English words */
  questionChars: 2000,
  /** its rate, requests a second, on one connection */
  heavyRate: 7,
  /** the others: this many clients (one connection and address each), at this rate each */
  others: 16,
  otherRate: 5,
};

/** Everyday English words of the reports' topics, the heavy questions' vocabulary. */
const WORDS = (
  "growth economy investment housing rural urban school hospital water energy carbon " +
  "innovation technology enterprise export trade market consumption income employment " +
  "pension reform county village road railway airport tourism culture sports health " +
  "insurance poverty ecology river forest pollution industry manufacturing service " +
  "finance tax budget debt population science talent digital platform"
).split(" ");

/** A question of random words, `chars` long. */
function heavyQuestion(chars: number): string {
  let s = "";
  while (s.length < chars) s += `${WORDS[Math.floor(Math.random() * WORDS.length)]} `;
  return s.slice(0, chars);
}

const post = (question: string, address: string): autocannon.Request => ({
  method: "POST",
  path: "/api/ask",
  headers: { "content-type": "application/json", "x-forwarded-for": address },
  body: JSON.stringify({ question }),
});

const line = (name: string, r: Result) =>
  console.log(
    `  ${name.padEnd(36)} p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   ${r.requests} requests, ${r.errors} errors`,
  );

/**
 * One client sends the heaviest valid questions (2,000 characters of random English words)
 * at about 7 a second while 16 others ask the eval set's questions at 5 a second each;
 * the others' p50/p99, alone and beside the heavy client, say what one client's work costs
 * everyone else. Each client has its own address (X-Forwarded-For behind TRUST_PROXY=1)
 * and the server runs with its default limits and every answer computed. Latencies are
 * measured from when each request was due (autocannon corrects for coordinated omission).
 */
export async function runHeavyClientBench(indexDir: string, seconds: number): Promise<void> {
  const port = await freePort();
  const server = startServer(port, indexDir, {
    TRUST_PROXY: "1",
    ANSWER_CACHE_SIZE: "0",
    RATE_LIMIT_PER_MINUTE: "600",
    MAX_IN_FLIGHT_PER_CLIENT: "8",
  });
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url);
  const { questions } = await readEvalData("tests/eval");
  const qs = questions.map((q) => q.question);
  let next = 0;
  const others = (): Promise<Result> =>
    run({
      url,
      connections: HEAVY_CLIENT.others,
      connectionRate: HEAVY_CLIENT.otherRate,
      duration: seconds,
      // a client per connection: its own address, the eval questions in its own order
      setupClient: (client) => {
        const n = next++;
        const address = `203.0.113.${(n % 250) + 1}`;
        client.setRequests(qs.map((_, i) => post(qs[(i + n * 7) % qs.length] as string, address)));
      },
    });
  const heavy = (): Promise<Result> =>
    run({
      url,
      connections: 1,
      connectionRate: HEAVY_CLIENT.heavyRate,
      duration: seconds,
      requests: [
        {
          ...post("", "198.51.100.1"),
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({ question: heavyQuestion(HEAVY_CLIENT.questionChars) }),
          }),
        },
      ],
    });
  try {
    await others(); // warm-up
    const alone = await others();
    const [beside, heavyResult] = await Promise.all([others(), heavy()]);
    console.log(
      `\none client at ${HEAVY_CLIENT.heavyRate} req/s of ${HEAVY_CLIENT.questionChars}-character questions, ${HEAVY_CLIENT.others} others at ${HEAVY_CLIENT.otherRate} req/s each (every answer computed):`,
    );
    line("the others, alone", alone);
    line("the others, beside the heavy client", beside);
    line("the heavy client", heavyResult);
  } finally {
    await stop(server);
  }
}
