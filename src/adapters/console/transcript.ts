/**
 * What people saw, as readable text: one person's view (the playground's
 * `:show`), or the whole program once, in the order it happened, each message
 * with who saw it and when (the demo).
 */
import type { Language } from "../../core/domain";
import { translator } from "../../core/i18n/translate";
import { formatDateTime } from "../../core/time/time-format";
import type { ConsoleWorkspace, Entry, Person } from "./app";
import type { Screen } from "./screen";

/** With a `screen`, the buttons are numbered on it from 1 (the terminal); without, by the workspace's ids. */
export function transcriptFor(ws: ConsoleWorkspace, person: Person, since = 0, screen?: Screen): string {
  return ws
    .view(person.id, { since })
    .map((e) => `${ws.describe(e, person)}\n${screen ? ws.render(e, (id) => screen.numberOf(id)) : e.text}`)
    .join("\n\n");
}

/**
 * What the narrator adds between the bot's messages: a step of the guide,
 * a line someone typed or a button they pressed, or the answers they gave in
 * a form (seen only by them: the bot never repeats them). `afterSeq` places
 * it after the workspace entry with that number.
 */
export type Narration =
  | { kind: "step"; afterSeq: number; text: string }
  | { kind: "typed"; afterSeq: number; who: string; line: string }
  | { kind: "answers"; afterSeq: number; at: Date; who: string; lines: string[] };

/** Minutes east of UTC at that moment ("GMT+07:00" → 420), to list zones west to east. */
function offsetOf(at: Date, zone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The moment in each reader's own zone, west to east: the first in full, the others by their clock only. */
function whenFor(at: Date, readers: readonly Person[], language: Language): string {
  const zones = [...new Set(readers.map((p) => p.timezone))].sort((a, b) => offsetOf(at, a) - offsetOf(at, b));
  const [first = "Asia/Jakarta", ...others] = zones;
  const full = formatDateTime(at, first, language);
  // formatDateTime ends with ", <clock> <zone>": the other zones repeat just that part.
  const clockOnly = (zone: string) => formatDateTime(at, zone, language).split(", ").at(-1);
  return [full, ...others.map(clockOnly)].join(" / ");
}

export function timeline(ws: ConsoleWorkspace, narration: readonly Narration[], language: Language, title: string): string {
  const t = translator(language);
  const names = (ids: Iterable<string>) => [...ids].map((id) => ws.person(id).name).join(", ");
  const readersOf = (e: Entry) => (e.visibleTo === "everyone" ? [...ws.people] : [...e.visibleTo].map((id) => ws.person(id)));
  const where = (e: Entry) => {
    if (e.visibleTo === "everyone") return `${e.conversation} · ${t("console.timeline.everyone")}`;
    if (e.where === "pair") return `${t("console.timeline.pair")}: ${names(e.visibleTo)}`;
    return `${t(e.where === "dm" ? "console.timeline.dm" : "console.timeline.reply")} ${names(e.visibleTo)}`;
  };
  const blocks: Array<{ order: number; text: string }> = [];
  // Narration sits just after the entry it follows, in the order it was told.
  narration.forEach((n, i) => {
    const order = n.afterSeq + 0.5 + i / (narration.length + 1) / 2;
    if (n.kind === "step") blocks.push({ order, text: `\n━━━━ ${n.text} ━━━━` });
    else if (n.kind === "typed") blocks.push({ order, text: `[${ws.person(n.who).name}] > ${n.line}` });
    else {
      const who = ws.person(n.who);
      const heading = `── ${whenFor(n.at, [who], language)} · ${t("console.timeline.answers")} ${who.name}`;
      blocks.push({ order, text: `${heading}\n${n.lines.map((l) => `  ${l}`).join("\n")}` });
    }
  });
  for (const e of ws.entries) {
    blocks.push({ order: e.seq, text: `── ${whenFor(e.at, readersOf(e), language)} · ${where(e)}\n${e.text}` });
  }
  blocks.sort((a, b) => a.order - b.order);
  return [title, ...blocks.map((b) => b.text)].join("\n\n");
}
