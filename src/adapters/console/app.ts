/**
 * The console's app: a simulated chat workspace for the terminal playground,
 * the demo and the end-to-end tests (several people, one program channel,
 * DMs and pair conversations). It only translates typed text, button numbers
 * and form answers into the core's commands, and shows what its sender
 * (sender.ts) delivers.
 */

import { commandFromText } from "../../core/commands/slash";
import type { Core } from "../../core/core";
import type { Language } from "../../core/domain";
import { type FormAnswers, formSubmission } from "../../core/forms/form-submission";
import { translator } from "../../core/i18n/translate";
import type { Button, Form, FormReview, Message, Reply } from "../../core/messages/message";
import { formatDateTime } from "../../core/time/time-format";
import { advanceThroughDueWork, type MovableClock } from "./advance";
import { DEFAULT_EXPORTS_DIR, saveExport } from "./export-files";
import type { PlaygroundStore } from "./playground-port";
import { castReader, loadReaders, type Reader } from "./readers";
import { renderMessage } from "./render";
import { consoleSender } from "./sender";

export interface Person {
  id: string;
  name: string;
  locale: "id-ID" | "en-US";
  timezone: string;
  /** The playground's admin (the organizer in the cast): may set up programs, as a workspace admin would. */
  admin?: boolean;
}

export interface Entry {
  seq: number;
  at: Date;
  /** "reply" is only for the actor; "dm", "pair" and "channel" are delivered messages. */
  where: "reply" | "dm" | "pair" | "channel";
  conversation: string;
  visibleTo: ReadonlySet<string> | "everyone";
  text: string;
  /** What was shown and its buttons' numbers in order, to number them again per screen (`render`). */
  message?: Message;
  buttons?: number[];
}

interface Pressable {
  button: Button;
  visibleTo: ReadonlySet<string> | "everyone";
  inChannel: boolean;
}

/** The workspace's history as plain JSON: what a restarted playground shows again. */
export interface WorkspaceSnapshot {
  seq: number;
  entries: Array<Omit<Entry, "at" | "visibleTo"> & { at: string; visibleTo: string[] | "everyone" }>;
  buttons: Array<{ number: number; button: Button; visibleTo: string[] | "everyone"; inChannel: boolean }>;
}

export const PLAYGROUND_CHANNEL = "mentoring";
export const PLAYGROUND_TENANT = "playground";
const TENANT = PLAYGROUND_TENANT;
const listed = (v: ReadonlySet<string> | "everyone") => (v === "everyone" ? v : [...v]);
const asSet = (v: string[] | "everyone") => (v === "everyone" ? v : new Set(v));

export class ConsoleWorkspace {
  readonly entries: Entry[] = [];
  readonly #buttons = new Map<number, Pressable>();
  readonly #pendingForms = new Map<string, { form: Form; inChannel: boolean }>();
  /** Answers read back and not yet confirmed, per person: the console keeps them, as a platform keeps a draft. */
  readonly #pendingReviews = new Map<string, { review: FormReview; inChannel: boolean }>();
  readonly #ticker: ReturnType<PlaygroundStore["dueWork"]>;
  #seq = 0;
  #readers = new Map<string, Reader>();
  /** Every file written for someone (data exports, organizers' charts), in order: the demo names the chart it wrote. */
  readonly savedFiles: string[] = [];
  /** Called after each step that may have changed what people see (the playground saves then). */
  afterStep: (() => Promise<void>) | undefined;

  constructor(
    private readonly core: Core,
    private readonly store: PlaygroundStore,
    private readonly clock: MovableClock,
    readonly people: readonly Person[],
    /** Where members' data exports are written (DATA_DIR/exports). */
    exportsDir: string = DEFAULT_EXPORTS_DIR,
  ) {
    const sender = consoleSender(
      (to, message) => this.#add(to.where, to.conversation, to.visibleTo, message, to.inChannel),
      (userId, attachment) => {
        const path = saveExport(exportsDir, userId, attachment);
        this.savedFiles.push(path);
        return path;
      },
    );
    // The console has no rate limits and one process: the same ticker the bots run.
    this.#ticker = store.dueWork(sender, clock);
  }

  person(idOrName: string): Person {
    const key = idOrName.toLowerCase();
    const found = this.people.find((p) => p.id === key || p.name.toLowerCase() === key);
    if (!found) throw new Error(`no such person: ${idOrName}`);
    return found;
  }

  /** Types a line as `personId`: "/mentoring ..." goes to the bot from the program channel. */
  async type(personId: string, line: string): Promise<void> {
    const match = /^\/mentoring\b(.*)$/i.exec(line.trim());
    const command = match ? commandFromText(this.#mentions(match[1] ?? "")) : { type: "help" };
    await this.#execute(personId, command, true);
  }

  /** "@Budi" for someone in the workspace becomes a mention, as Slack and Discord make one when you pick a name. */
  #mentions(text: string): string {
    return text.replace(/(^|\s)@([\p{L}\p{N}_.-]+)/gu, (whole, space: string, name: string) => {
      const key = name.toLowerCase();
      const found = this.people.find((p) => p.id === key || p.name.toLowerCase() === key);
      return found ? `${space}<@${found.id}>` : whole;
    });
  }

  async press(personId: string, number: number): Promise<"ok" | "unknown"> {
    const p = this.#buttons.get(number);
    if (!p || (p.visibleTo !== "everyone" && !p.visibleTo.has(personId))) return "unknown";
    const { action } = p.button;
    if (action.kind === "review") {
      const pending = this.#pendingReviews.get(personId);
      if (!pending) return "unknown";
      this.#pendingReviews.delete(personId);
      // Confirm sends the answers read back, confirmed; fix opens the form again, prefilled with them.
      if (action.choice === "confirm")
        await this.#execute(personId, formSubmission(pending.review.request, pending.review.answers), pending.inChannel);
      else this.#pendingForms.set(personId, { form: pending.review.form, inChannel: pending.inChannel });
      return "ok";
    }
    // A form button asks the core for its form, built for whoever pressed; it opens with the reply.
    await this.#execute(personId, action.kind === "form" ? action.request : action.command, p.inChannel);
    return "ok";
  }

  pendingForm(personId: string): Form | undefined {
    return this.#pendingForms.get(personId)?.form;
  }

  /** What a topics list typed into the person's open form was read as, with the program's topics when the form came from its channel. */
  topicHints(personId: string, answer: string, language: Language): Promise<string[]> {
    const inChannel = this.#pendingForms.get(personId)?.inChannel ?? false;
    return this.core.topicHints({
      platform: "console",
      tenantId: TENANT,
      ...(inChannel ? { channelId: PLAYGROUND_CHANNEL } : {}),
      query: answer,
      language,
    });
  }

  async submitForm(personId: string, answers: FormAnswers): Promise<void> {
    const pending = this.#pendingForms.get(personId);
    if (!pending) throw new Error(`${personId} has no open form`);
    this.#pendingForms.delete(personId);
    await this.#execute(personId, formSubmission(pending.form.request, answers), pending.inChannel);
  }

  cancelForm(personId: string): void {
    this.#pendingForms.delete(personId);
  }

  /** Runs due scheduled work (reminders, check-ins, evaluations, ...) and delivers what it sent. */
  async tick(): Promise<void> {
    await this.#ticker.tick();
  }

  /** The workspace's current (simulated) time. */
  now(): Date {
    return this.clock.now();
  }

  /** Moves the clock forward, running due work at each moment it falls due on the way. */
  async advance(ms: number): Promise<void> {
    await advanceThroughDueWork(this.store, this.clock, () => this.tick(), ms);
    await this.afterStep?.();
  }

  async deliver(): Promise<number> {
    return (await this.#ticker.deliver()).sent;
  }

  /** What one person can see, oldest first. */
  view(personId: string, opts: { since?: number } = {}): Entry[] {
    return this.entries.filter((e) => e.seq > (opts.since ?? 0) && (e.visibleTo === "everyone" || e.visibleTo.has(personId)));
  }

  /** Buttons (with their numbers) a person can see, newest first, optionally by label. */
  buttonsFor(personId: string, label?: string): Array<{ number: number; label: string }> {
    return [...this.#buttons.entries()]
      .filter(([, p]) => p.visibleTo === "everyone" || p.visibleTo.has(personId))
      .filter(([, p]) => label === undefined || p.button.label === label)
      .map(([number, p]) => ({ number, label: p.button.label }))
      .reverse();
  }

  snapshot(): WorkspaceSnapshot {
    return {
      seq: this.#seq,
      entries: this.entries.map((e) => ({ ...e, at: e.at.toISOString(), visibleTo: listed(e.visibleTo) })),
      buttons: [...this.#buttons.entries()].map(([number, p]) => ({ ...p, number, visibleTo: listed(p.visibleTo) })),
    };
  }

  /** Takes back a saved history (only into a workspace that has shown nothing yet). */
  restore(snapshot: WorkspaceSnapshot): void {
    if (this.#seq !== 0) throw new Error("restore into a fresh workspace only");
    for (const e of snapshot.entries) this.entries.push({ ...e, at: new Date(e.at), visibleTo: asSet(e.visibleTo) });
    for (const b of snapshot.buttons) {
      this.#buttons.set(b.number, { button: b.button, visibleTo: asSet(b.visibleTo), inChannel: b.inChannel });
    }
    this.#seq = snapshot.seq;
  }

  get lastSeq(): number {
    return this.#seq;
  }

  async #execute(personId: string, command: unknown, inChannel: boolean): Promise<void> {
    const person = this.person(personId);
    const reply: Reply = await this.core.execute({
      actor: {
        platform: "console",
        tenantId: TENANT,
        // The playground is one workspace: its space is the tenant.
        space: TENANT,
        userId: person.id,
        displayName: person.name,
        locale: person.locale,
        isAdmin: person.admin ?? false,
        // As Slack's profile does: the intake form starts from the person's own zone.
        timezone: person.timezone,
      },
      ...(inChannel ? { channelId: PLAYGROUND_CHANNEL } : {}),
      command,
    });
    for (const m of reply.messages) this.#add("reply", "reply", new Set([person.id]), m, false);
    if (reply.form) this.#pendingForms.set(person.id, { form: reply.form, inChannel });
    if (reply.review) this.#pendingReviews.set(person.id, { review: reply.review, inChannel });
    // Whatever came due while they typed (the playground has no background ticker) goes out too.
    await this.tick();
    await this.refreshReaders();
    await this.afterStep?.();
  }

  /** The language and zone a person reads in: their choice in the bot, else the cast's. */
  reader(personId: string): Reader {
    return this.#readers.get(personId) ?? castReader(this.person(personId));
  }

  /** Reads everyone's choices again (after a command, and when a playground reopens its data). */
  async refreshReaders(): Promise<void> {
    this.#readers = await loadReaders(this.store, TENANT, this.people);
  }

  /** An entry's text with its buttons numbered by `numberFor` (a screen's numbering); as first shown without its message. */
  render(entry: Entry, numberFor: (buttonId: number) => number): string {
    if (!entry.message || !entry.buttons) return entry.text;
    let k = 0;
    const ids = entry.buttons;
    return renderMessage(entry.message, () => numberFor(ids[k++] ?? 0), this.#nameOf);
  }

  readonly #nameOf = (id: string) => this.people.find((p) => p.id === id)?.name;

  #add(where: Entry["where"], conversation: string, visibleTo: Entry["visibleTo"], message: Message, inChannel: boolean) {
    const buttons: number[] = [];
    const numberFor = (button: Button) => {
      const n = this.#buttons.size + 1;
      this.#buttons.set(n, { button, visibleTo, inChannel });
      buttons.push(n);
      return n;
    };
    const text = renderMessage(message, numberFor, this.#nameOf);
    this.entries.push({ seq: ++this.#seq, at: this.clock.now(), where, conversation, visibleTo, text, message, buttons });
  }

  /** A heading line for an entry, in the viewer's zone and language. */
  describe(entry: Entry, viewer: Person): string {
    const { language, timezone } = this.reader(viewer.id);
    const t = translator(language);
    const when = formatDateTime(entry.at, timezone, language);
    const where = entry.where === "channel" ? entry.conversation : t(`console.where.${entry.where}`);
    return `── ${where} · ${when}`;
  }
}
