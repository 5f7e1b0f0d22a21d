/**
 * The terminal playground: talk to the bot as any simulated person, press
 * buttons by number or label, fill forms field by field, move the clock.
 * Bad input gets help, never a crash.
 */

import type { Language } from "../../core/domain";
import type { FormAnswers } from "../../core/forms/form-submission";
import { type Translate, translator } from "../../core/i18n/translate";
import type { Form } from "../../core/messages/message";
import { type Clock, parseDuration } from "../../core/time/clock";
import { formatDateTime } from "../../core/time/time-format";
import { type ConsoleWorkspace, type Person, PLAYGROUND_CHANNEL } from "./app";
import { fillForm } from "./form-prompt";
import type { LineReader } from "./line-reader";
import { Screen } from "./screen";
import { transcriptFor } from "./transcript";

export interface ReplOptions {
  ws: ConsoleWorkspace;
  clock: Clock & { advance(ms: number): void };
  rl: LineReader;
  language: Language;
  dataDir: string;
  write: (text: string) => void;
  /** How far each person has read: kept by the caller so a restart shows only what is new. */
  seen?: Map<string, number>;
  /** Set when the playground goes on from earlier data: the simulated moment it resumes at, and whether with history. */
  restored?: { at: Date; history: boolean } | null;
}

export async function runRepl(opts: ReplOptions): Promise<void> {
  const { ws, rl, write } = opts;
  const t: Translate = translator(opts.language);
  let me = ws.people[0]?.id ?? "";
  await ws.refreshReaders();
  const seen = opts.seen ?? new Map<string, number>();
  /** Each person's last screen that showed buttons: what `:press` acts on. */
  const screens = new Map<string, Screen>();
  /** Answers of a form closed before it was sent, by person and form: opening it again goes on from them. */
  const drafts = new Map<string, FormAnswers>();
  const screenOf = (person: Person, since: number): string => {
    const screen = new Screen();
    const text = transcriptFor(ws, person, since, screen);
    if (screen.buttonIds.length > 0) screens.set(person.id, screen);
    return text;
  };
  const showNew = () => {
    const person = ws.person(me);
    const text = screenOf(person, seen.get(me) ?? 0);
    if (text) write(`${text}\n`);
    seen.set(me, ws.lastSeq);
  };
  /** The button `:press` names: a number on the last screen, or a label or its start (on that screen first, else the newest one). */
  const buttonFor = (arg: string): number | undefined => {
    const screen = screens.get(me);
    if (/^\d+$/.test(arg)) return screen?.buttonId(Number(arg));
    const label = arg.trim().toLowerCase();
    if (label === "") return undefined;
    const named = ws.buttonsFor(me).filter((b) => b.label.trim().toLowerCase().startsWith(label));
    const exact = named.filter((b) => b.label.trim().toLowerCase() === label);
    const visible = exact.length > 0 ? exact : named;
    return (visible.find((b) => screen?.buttonIds.includes(b.number)) ?? visible[0])?.number;
  };
  /** Fills the form the last command opened, and any the core answers with; false when input ended. */
  const fillPendingForms = async (): Promise<boolean> => {
    for (let form: Form | undefined = ws.pendingForm(me); form; form = ws.pendingForm(me)) {
      showNew();
      const key = `${me}\u0000${JSON.stringify(form.request)}`;
      const { language } = ws.reader(me);
      const ft = translator(language);
      const outcome = await fillForm(rl, form, ft, write, drafts.get(key), language, (answer) =>
        ws.topicHints(me, answer, language),
      );
      if (outcome.kind === "submitted") {
        drafts.delete(key);
        await ws.submitForm(me, outcome.answers);
        continue;
      }
      drafts.set(key, outcome.answers);
      ws.cancelForm(me);
      // Ctrl-D leaves the cursor after the field's prompt.
      write(`${outcome.kind === "ended" ? "\n" : ""}${ft("console.formCancelled")}\n`);
      // Ctrl-D closed the form; at the end of a piped script, or a terminal that cannot read on, input is over.
      if (outcome.kind === "ended" && !(rl.resume?.() ?? false)) return false;
    }
    return true;
  };

  write(`${t("console.welcome", { count: ws.people.length, channel: PLAYGROUND_CHANNEL, name: ws.person(me).name })}\n`);
  if (opts.restored) {
    const when = formatDateTime(opts.restored.at, ws.person(me).timezone, opts.language);
    write(`${t(opts.restored.history ? "console.restored" : "console.restoredClockOnly", { when })}\n`);
  }
  showNew();
  for (;;) {
    const input = await rl.ask(`[${ws.person(me).name}] > `);
    if (input === null) break; // end of input: Ctrl-D or the end of a piped script
    const line = input.trim();
    if (line === "") continue;
    try {
      const [word = "", arg = ""] = line.split(/\s+(.*)/s);
      if (word === ":quit" || word === ":exit") break;
      switch (word) {
        case ":help":
          write(`${t("console.help")}\n`);
          break;
        case ":people":
          write(`${t("console.people", { names: ws.people.map((p) => p.name).join(", ") })}\n`);
          break;
        case ":as": {
          const person = ws.people.find((p) => p.id === arg.toLowerCase() || p.name.toLowerCase() === arg.toLowerCase());
          if (!person) {
            write(`${t("console.unknownPerson", { name: arg, names: ws.people.map((p) => p.name).join(", ") })}\n`);
            break;
          }
          me = person.id;
          write(`${t("console.you", { name: person.name })}\n`);
          showNew();
          break;
        }
        case ":show": {
          const person = arg ? ws.people.find((p) => p.name.toLowerCase() === arg.toLowerCase() || p.id === arg) : ws.person(me);
          if (!person) write(`${t("console.unknownPerson", { name: arg, names: ws.people.map((p) => p.name).join(", ") })}\n`);
          else write(`${screenOf(person, 0)}\n`);
          break;
        }
        case ":press": {
          const button = buttonFor(arg);
          if (button === undefined || (await ws.press(me, button)) === "unknown") {
            write(`${t("console.unknownButton", { number: arg })}\n`);
          }
          break;
        }
        case ":advance": {
          const ms = parseDuration(arg);
          if (ms === null) {
            write(`${t("console.badDuration")}\n`);
            break;
          }
          // Due work runs at each of its own moments on the way, not all at the end.
          await ws.advance(ms);
          write(`${t("console.now", { when: formatDateTime(opts.clock.now(), ws.person(me).timezone, opts.language) })}\n`);
          break;
        }
        case ":now":
          // The playground's own sentence, in its language; the moment in the person's own zone.
          write(`${t("console.now", { when: formatDateTime(opts.clock.now(), ws.reader(me).timezone, opts.language) })}\n`);
          break;
        default:
          if (/^\/mentoring\b/i.test(line)) await ws.type(me, line);
          else write(`${t("console.badInput")}\n`);
      }
      if (!(await fillPendingForms())) break;
      showNew();
    } catch (error) {
      // The playground never crashes on input; the core already answers its own errors.
      write(`${t("error.generic")}\n`);
      if (process.env.DEBUG) write(`${String(error)}\n`);
    }
  }
  write(`${t("console.bye", { dir: opts.dataDir })}\n`);
}
