/** `npm run demo [-- --lang en]`: plays one whole round and prints it once, in the order it happened. */
import { createAppCore, openDatabase } from "../../app";
import { ManualClock } from "../../core/clock";
import { DEMO_START, demoCast, demoTimeline, playDemo } from "./demo-script";
import { ConsoleWorkspace } from "./workspace";

const language = process.argv.includes("en") || process.env.DEMO_LANG === "en" ? "en" : "id";
const clock = new ManualClock(DEMO_START);
const db = await openDatabase({ kind: "pglite" });
const core = createAppCore({ db, clock });
const { organizer, members } = demoCast(language);
const ws = new ConsoleWorkspace(core, db.kysely, clock, [organizer, ...members]);
const facts = await playDemo(ws, language);
console.log(demoTimeline(ws, facts, language));
await db.close();
