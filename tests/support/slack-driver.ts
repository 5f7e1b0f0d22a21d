/**
 * Drives the real Bolt app over HTTP the way Slack does: signed slash
 * commands, button presses, modal submissions and events, with the fake
 * Slack Web API recording what the app sent back. Delivery runs the real
 * dispatcher with the Slack sender; `tick` also runs the due jobs.
 */
import { createHmac } from "node:crypto";
import { type SlackApp, type SlackAppOptions, startSlackApp } from "../../src/adapters/slack/app";
import { slackSender } from "../../src/adapters/slack/sender";
import { singleWorkspace } from "../../src/adapters/slack/workspace-clients";
import { createAppCore, platformStore } from "../../src/app";
import type { Core } from "../../src/core/core";
import { ManualClock } from "../../src/core/time/clock";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { runDueJobs } from "../../src/scheduler/run-due-jobs";
import type { Db } from "../../src/store/connect";
import type { FakeSlack, SlackCall } from "./fake-slack";
import { START } from "./harness";

export const SIGNING_SECRET = "test-signing-secret";
export const TEAM = "T-ACME";
export const PROGRAM_CHANNEL = { id: "C-MENTORING", name: "mentoring" };

export interface SlackButton {
  action_id: string;
  value: string;
  text?: { text: string };
}

type Block = { type: string; block_id?: string; elements?: SlackButton[]; element?: Record<string, unknown> };

/** A modal as the app opened it (views.open). */
export interface OpenedView {
  private_metadata: string;
  title: { text: string };
  blocks: Block[];
}

/** Waits up to 30 s: a loaded CI machine can be slow, and a passing wait returns as soon as it holds. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The buttons of a posted message (chat.postMessage / postEphemeral / response_url). */
export function buttonsOf(call: SlackCall | undefined): SlackButton[] {
  const blocks = (call?.args.blocks ?? []) as Block[];
  return blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);
}

export function button(call: SlackCall | undefined, label: string): SlackButton {
  const found = buttonsOf(call).find((b) => b.text?.text === label);
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(call).map((b) => b.text?.text))}`);
  return found;
}

export class SlackDriver {
  app: SlackApp | null = null;
  clock = new ManualClock(START);
  private responses = 0;

  /** `db` is a getter: test databases open in beforeAll, after the driver is made. */
  constructor(
    readonly slack: FakeSlack,
    private readonly dbOf: () => Db,
  ) {}

  get db(): Db {
    return this.dbOf();
  }

  async start(
    wrap: (core: Core) => Core = (core) => core,
    extra: Pick<SlackAppOptions, "onNotice" | "onError"> = {},
  ): Promise<void> {
    this.clock = new ManualClock(START);
    const core = wrap(createAppCore({ db: this.db, clock: this.clock }));
    this.app = await startSlackApp({
      ...extra,
      core,
      store: platformStore(this.db.kysely),
      clock: this.clock,
      auth: { kind: "token", botToken: "xoxb-test" },
      transport: { kind: "http", port: 0, signingSecret: SIGNING_SECRET },
      apiUrl: `${this.slack.url}api/`,
    });
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    this.app = null;
    this.slack.calls.length = 0;
    this.slack.script.clear();
    this.slack.users.clear();
    this.slack.messages.clear();
  }

  /** A signed request to /slack/events; resolves with the status, the answer's body and how long the app took. */
  async post(
    body: string,
    contentType: string,
    opts: { ts?: number; secret?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; ms: number; body: string }> {
    const ts = opts.ts ?? Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", opts.secret ?? SIGNING_SECRET)
      .update(`v0:${ts}:${body}`)
      .digest("hex")}`;
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${this.app?.port}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": String(ts),
        "x-slack-signature": signature,
        ...opts.headers,
      },
      body,
    });
    const answered = await response.text();
    return { status: response.status, ms: performance.now() - started, body: answered };
  }

  slash(
    user: string,
    text: string,
    channel: { id: string; name: string } = PROGRAM_CHANNEL,
    opts: { ts?: number; secret?: string } = {},
  ) {
    return this.post(this.slashBody(user, text, channel), "application/x-www-form-urlencoded", opts);
  }

  /** A slash command's form body as Slack sends it: each command has its own trigger_id and response_url. */
  slashBody(
    user: string,
    text: string,
    channel: { id: string; name: string } = PROGRAM_CHANNEL,
    fields: Record<string, string> = {},
  ): string {
    const n = ++this.responses;
    return new URLSearchParams({
      command: "/mentoring",
      text,
      team_id: TEAM,
      user_id: user,
      user_name: user.toLowerCase(),
      channel_id: channel.id,
      channel_name: channel.name,
      trigger_id: `trigger-${user}-${n}`,
      response_url: `${this.slack.url}respond/${n}`,
      ...fields,
    }).toString();
  }

  interaction(payload: Record<string, unknown>) {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded");
  }

  /** Presses a button; `on` is the message it sits on (its channel and ts, as Slack sends them). */
  press(user: string, pressed: SlackButton, on: { channel?: { id: string; name: string }; message?: SlackCall } = {}) {
    const channelId = on.channel?.id ?? (on.message?.args.channel as string | undefined);
    const channel =
      on.channel ?? (channelId ? { id: channelId, name: channelId.startsWith("G") ? "mpdm-group" : "directmessage" } : null);
    return this.interaction({
      type: "block_actions",
      team: { id: TEAM },
      user: { id: user, name: user.toLowerCase(), team_id: TEAM },
      ...(channel ? { channel } : {}),
      ...(on.message
        ? { message: { ts: String(on.message.result?.ts ?? "1700000000.000001"), blocks: on.message.args.blocks ?? [] } }
        : {}),
      trigger_id: `trigger-${user}`,
      response_url: `${this.slack.url}respond/${++this.responses}`,
      actions: [{ type: "button", action_id: pressed.action_id, value: pressed.value, block_id: "b", action_ts: "1" }],
    });
  }

  submit(user: string, view: OpenedView, values: Record<string, unknown>) {
    return this.interaction({
      type: "view_submission",
      team: { id: TEAM },
      user: { id: user, name: user.toLowerCase(), team_id: TEAM },
      // As Slack sends it: the view the app opened (its blocks and metadata) with the state of its inputs.
      view: {
        id: "V1",
        callback_id: "sebaya_form",
        private_metadata: view.private_metadata,
        blocks: view.blocks,
        state: { values },
      },
    });
  }

  /**
   * Answers a modal the way a person would: the given answers by input name,
   * everything else left as the app prefilled it.
   */
  fill(view: OpenedView, answers: Record<string, string | boolean | string[]>): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    // A topics list (a multi-select of topics beside a text input): a list given chooses topics, text is typed beside them.
    const typedBeside = (name: string) => (typeof answers[name] === "string" ? answers[name] : undefined);
    for (const block of view.blocks) {
      if (block.type !== "input" || !block.block_id || !block.element) continue;
      const element = block.element as {
        type: string;
        initial_value?: string;
        initial_option?: { value: string };
        initial_date?: string;
        initial_time?: string;
        initial_options?: Array<{ value: string }>;
        options?: Array<{ value: string }>;
      };
      const topicsOf = block.block_id.endsWith("_other") ? block.block_id.slice(0, -"_other".length) : null;
      const given = answers[block.block_id] ?? (topicsOf !== null ? typedBeside(topicsOf) : undefined);
      let v: Record<string, unknown>;
      switch (element.type) {
        case "multi_external_select": {
          const initial = (element as { initial_options?: Array<{ value: string }> }).initial_options ?? [];
          const chosen = Array.isArray(given) ? given : initial.map((o) => o.value);
          const action = (element as { action_id?: string }).action_id ?? "v";
          values[block.block_id] = {
            [action]: {
              type: element.type,
              selected_options: chosen.map((value) => ({ value, text: { type: "plain_text", text: value } })),
            },
          };
          continue;
        }
        case "static_select": {
          const value = typeof given === "string" ? given : element.initial_option?.value;
          if (value !== undefined && !element.options?.some((o) => o.value === value))
            throw new Error(`"${value}" is not an option of ${block.block_id}`);
          v = { type: element.type, selected_option: value === undefined ? null : { value } };
          break;
        }
        case "datepicker":
          v = { type: element.type, selected_date: given ?? element.initial_date ?? null };
          break;
        case "timepicker":
          v = { type: element.type, selected_time: given ?? element.initial_time ?? null };
          break;
        case "checkboxes": {
          const checked = given === undefined ? (element.initial_options ?? []).length > 0 : given === true;
          v = { type: element.type, selected_options: checked ? [{ value: "yes" }] : [] };
          break;
        }
        default:
          v = { type: element.type, value: given ?? element.initial_value ?? null };
      }
      values[block.block_id] = { v };
    }
    return values;
  }

  event(event: Record<string, unknown>, eventId: string, headers: Record<string, string> = {}) {
    return this.post(
      JSON.stringify({ type: "event_callback", team_id: TEAM, api_app_id: "A_SEBAYA", event_id: eventId, event }),
      "application/json",
      { headers },
    );
  }

  /** Sends everything the outbox holds that is due. */
  deliver() {
    const dispatcher = new Dispatcher(
      this.db.kysely,
      slackSender(singleWorkspace("xoxb-test", `${this.slack.url}api/`)),
      this.clock,
      { worker: "slack-test", concurrency: 1 },
    );
    return dispatcher.dispatchPending();
  }

  /** One scheduler tick at the driver's clock: due jobs, then delivery. */
  async tick() {
    await runDueJobs(this.db.kysely, this.clock, { worker: "slack-test", random: () => 0.5 });
    return this.deliver();
  }

  responded(): SlackCall[] {
    return this.slack.calls.filter((c) => c.method.startsWith("respond/"));
  }

  /** The modal opened by the newest views.open. */
  lastView(): OpenedView {
    const view = this.slack.of("views.open").at(-1)?.args.view as OpenedView | undefined;
    if (!view) throw new Error("no modal was opened");
    return view;
  }

  posted(channel: string): SlackCall[] {
    return this.slack.of("chat.postMessage").filter((c) => c.args.channel === channel);
  }
}
