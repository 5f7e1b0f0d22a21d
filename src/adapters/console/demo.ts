/** `npm run demo [-- --lang en]`: plays a whole small program and prints each member's view. */
import { createAppCore, openDatabase } from "../../app";
import { ManualClock } from "../../core/clock";
import { demoCast, playDemo } from "./demo-script";
import { fullTranscript } from "./transcript";
import { ConsoleWorkspace } from "./workspace";

const language = process.argv.includes("en") || process.env.DEMO_LANG === "en" ? "en" : "id";
// Tuesday 1 December 2026, 09:00 WIB.
const clock = new ManualClock(new Date("2026-12-01T02:00:00Z"));
const db = await openDatabase({ kind: "pglite" });
const core = createAppCore({ db, clock });
const { organizer, members } = demoCast(language);
const ws = new ConsoleWorkspace(core, db.kysely, clock, [organizer, ...members]);
await playDemo(ws, language);
console.log(fullTranscript(ws, [organizer, ...members]));
await db.close();
