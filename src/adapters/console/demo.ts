/** `npm run demo [-- --lang en]`: plays one whole round and prints it once, in the order it happened. */
import { randomBytes } from "node:crypto";
import { createAppCore, openDatabase, playgroundStore } from "../../app";
import type { Language } from "../../core/domain";
import { translator } from "../../core/i18n/translate";
import { ManualClock } from "../../core/time/clock";
import { ConsoleWorkspace } from "./app";
import { DEMO_START, demoCast, demoTimeline, playDemo } from "./demo-script";

/** `--lang en`, `--lang=en` or a bare `en`; Indonesian unless English is asked for. */
function languageOf(args: readonly string[]): Language {
  const i = args.indexOf("--lang");
  const asked = i >= 0 ? args[i + 1] : (args.find((a) => a.startsWith("--lang="))?.slice(7) ?? args.find((a) => a === "en"));
  return asked === "en" || process.env.DEMO_LANG === "en" ? "en" : "id";
}

const language = languageOf(process.argv.slice(2));
const clock = new ManualClock(DEMO_START);
// The demo's database lives in memory for one run: so does its key.
const db = await openDatabase({ kind: "pglite" }, { key: randomBytes(32).toString("base64") });
const core = createAppCore({ db, clock });
const { organizer, members } = demoCast(language);
const ws = new ConsoleWorkspace(core, playgroundStore(db.kysely), clock, [organizer, ...members]);
const facts = await playDemo(ws, language);
console.log(demoTimeline(ws, facts, language));
// The organizer's chart from the closing report, as a file to open.
const chart = ws.savedFiles.findLast((path) => path.endsWith(".png"));
if (chart) console.log(`\n${translator(language)("demo.chartWritten", { path: chart })}`);
await db.close();
