/**
 * npx tsx bench/topic-suggestions.ts: how long the type-ahead and the
 * read-back take, since Slack's options request and Discord's autocomplete
 * must be answered within 3 seconds. Every prefix (1, 3, 5 and 8 letters) of
 * every vocabulary label in both languages, asked in Indonesian; then the
 * issue's intake read item by item.
 */
import { DEFAULT_VOCABULARY } from "../src/core/matching/topic-reading";
import { suggestTopics } from "../src/core/matching/topic-suggestions";
import { understoodItems } from "../src/core/matching/understood-topics";

const queries: string[] = [];
for (const t of DEFAULT_VOCABULARY.topics)
  for (const label of [t.label.en, t.label.id]) for (const n of [1, 3, 5, 8]) queries.push(label.slice(0, n));
for (const q of queries.slice(0, 50)) suggestTopics(q, "en"); // warm up
const times: number[] = [];
for (const q of queries) {
  const started = performance.now();
  suggestTopics(q, "id");
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (p: number) => (times[Math.floor(p * (times.length - 1))] ?? 0).toFixed(2);
console.log(`suggestTopics: ${times.length} queries, median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);

const intake =
  "Data analysis (Excel, SQL, Power BI dashboards), Public speaking: presenting quarterly results with confidence, origami lipat";
const started = performance.now();
for (let i = 0; i < 200; i++) understoodItems(intake);
console.log(`understoodItems, 3 items: ${((performance.now() - started) / 200).toFixed(2)} ms each`);
