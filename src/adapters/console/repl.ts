/**
 * The terminal playground: talk to the bot as any simulated person, press
 * buttons by number, fill forms field by field, move the clock. Bad input
 * gets help, never a crash.
 */
import { type Clock, parseDuration } from "../../core/clock";
import type { Language } from "../../core/domain";
import type { FormAnswers } from "../../core/forms";
import { type Translate, translator } from "../../core/i18n/translate";
import type { FormInput } from "../../core/messages";
import { formatDateTime } from "../../core/time-format";
import type { LineReader } from "./line-reader";
import { transcriptFor } from "./transcript";
import { type ConsoleWorkspace, PLAYGROUND_CHANNEL } from "./workspace";

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
  const seen = opts.seen ?? new Map<string, number>();
  const showNew = () => {
    const person = ws.person(me);
    const since = seen.get(me) ?? 0;
    const text = transcriptFor(ws, person, since);
    if (text) write(`${text}\n`);
    seen.set(me, ws.lastSeq);
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
          else write(`${transcriptFor(ws, person)}\n`);
          break;
        }
        case ":press": {
          const number = Number(arg);
          if (!Number.isInteger(number) || (await ws.press(me, number)) === "unknown") {
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
          write(`${t("console.now", { when: formatDateTime(opts.clock.now(), ws.person(me).timezone, opts.language) })}\n`);
          break;
        default:
          if (/^\/mentoring\b/i.test(line)) await ws.type(me, line);
          else write(`${t("console.badInput")}\n`);
      }
      const form = ws.pendingForm(me);
      if (form) {
        showNew();
        write(`${t("console.form", { title: form.title })}\n`);
        const answers: FormAnswers = {};
        let cancelled = false;
        for (const input of form.inputs) {
          const answer = await ask(rl, input, t);
          if (answer === ":cancel") {
            cancelled = true;
            break;
          }
          if (answer !== undefined) answers[input.name] = answer;
        }
        if (cancelled) {
          ws.cancelForm(me);
          write(`${t("console.formCancelled")}\n`);
        } else {
          await ws.submitForm(me, answers);
        }
      }
      showNew();
    } catch (error) {
      // The playground never crashes on input; the core already answers its own errors.
      write(`${t("error.generic")}\n`);
      if (process.env.DEBUG) write(`${String(error)}\n`);
    }
  }
  write(`${t("console.bye", { dir: opts.dataDir })}\n`);
}

async function ask(rl: LineReader, input: FormInput, t: Translate): Promise<string | boolean | undefined> {
  const hint = input.hint ? ` (${input.hint})` : "";
  if (input.kind === "select") {
    const options = input.options.map((o, i) => `  ${i + 1}) ${o.label}`).join("\n");
    const answer = (
      (await rl.ask(`${input.label}${hint}\n${options}\n${input.initial ? `[${input.initial}] ` : ""}> `)) ?? ":cancel"
    ).trim();
    if (answer === ":cancel") return answer;
    if (answer === "") return input.initial;
    const index = Number(answer);
    return Number.isInteger(index) && input.options[index - 1] ? input.options[index - 1]?.value : answer;
  }
  if (input.kind === "checkbox") {
    const answer = ((await rl.ask(`${input.label} (${t("console.yesNo")}) > `)) ?? ":cancel").trim().toLowerCase();
    if (answer === ":cancel") return answer;
    return answer === "y" || answer === "yes" || answer === "ya";
  }
  const initial = input.initial !== undefined ? `[${input.initial}] ` : "";
  const answer = ((await rl.ask(`${input.label}${hint} ${initial}> `)) ?? ":cancel").trim();
  if (answer === ":cancel") return answer;
  if (answer === "") return input.initial !== undefined ? String(input.initial) : undefined;
  return answer;
}
