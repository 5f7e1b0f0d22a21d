/**
 * Member text cannot mention, ping or link: whatever a member writes (a name,
 * goals, a team, the words left to a partner, a program name) reaches Slack
 * and Discord escaped, in every field kind a message or a form has, and the
 * only mentions are the ones the core makes (Mention segments). On Discord
 * only the users the core mentioned may be notified; a role is shown, never
 * pinged. Plain-text fields (Slack's plain_text, Discord's labels, options
 * and modal texts) are never parsed by the platform: there the text stays
 * exactly as written.
 */
import { type APIActionRowComponent, type APIComponentInMessageActionRow, ComponentType } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderMessage as renderText } from "../../src/adapters/console/render";
import { DISCORD_LIMITS, type DiscordMessagePayload } from "../../src/adapters/discord/limits";
import { modalSteps } from "../../src/adapters/discord/modals";
import { notedMessage, renderMessage as renderDiscord, settledMessage } from "../../src/adapters/discord/render";
import {
  notedBlocks,
  renderModal,
  renderMessage as renderSlack,
  SLACK_LIMITS,
  settledBlocks,
} from "../../src/adapters/slack/render";
import { richTranslator, translator } from "../../src/core/i18n/translate";
import type { Form, Message, Select } from "../../src/core/messages/message";
import { mentionRole, mentionUser } from "../../src/core/messages/rich-text";
import { actions, commandButton, fields, formButton, heading, message, muted, text } from "../../src/core/views/blocks";
import { evaluationForm } from "../../src/core/views/forms";
import { introMessage } from "../../src/core/views/intro";
import { reportMessage } from "../../src/core/views/report";
import { member, PAIRING, PROGRAM, profile, ROUND } from "../support/layout-fixtures";

/** Everything Slack or Discord would read as a mention, a ping, a channel or a link with a label of its own. */
const HOSTILE = [
  "<@U0VICTIM>",
  "<@123456789012345678>",
  "<@!123456789012345679>",
  "<@&120000000000000031>",
  "<#C0GENERAL>",
  "<#123456789012345680>",
  "<!channel>",
  "<!here|here>",
  "<!everyone>",
  "<!subteam^S0LEADS|@leads>",
  "<https://evil.example/reset|Reset your password>",
  "[Reset your password](https://evil.example/reset)",
  "@everyone",
  "@here",
  "<t:0:R>",
  "</mentoring join:1>",
].join(" ");
/** Short enough for a Slack header (plain_text). */
const SHORT = "<@U0VICTIM> <!channel> <https://evil.example/reset|Reset>";
/** Someone the core does mean to mention (a Slack id and a Discord snowflake). */
const SLACK_USER = "U0MEANT";
const DISCORD_USER = "140000000000000099";

const t = translator("en");
const DRAFT = "9b2f6c1e-0a4e-4c55-9d7e-0a1b2c3d4e5f";
const SESSION_ID = "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c";

const select = (label: string, optionLabel: string): Select => ({
  type: "select",
  label,
  command: { type: "checkin", sessionId: SESSION_ID },
  field: "rating",
  options: [{ label: optionLabel, value: "4" }],
});

/** Hostile member text in every kind of field a message has, and the core's own mention of `user`. */
function hostileMessage(user: string): Message {
  return message(
    heading(SHORT),
    heading([mentionUser(user), ` ${HOSTILE}`]),
    heading(HOSTILE),
    text([mentionUser(user), `, ${HOSTILE}`]),
    text(t("end.partnerMessage", { name: HOSTILE, message: HOSTILE })),
    muted(HOSTILE),
    fields([[HOSTILE, HOSTILE]]),
    { type: "divider" },
    actions(commandButton(HOSTILE, { type: "status" }), formButton(HOSTILE, { type: "journal.write" })),
    { type: "actions", elements: [select(HOSTILE, HOSTILE)] },
  );
}

/** The real views with member text in them: the intro (names, goals, expertise, team, program) and the report. */
function hostileViews(): Message[] {
  const ani = member("ani", `Ani ${HOSTILE}`, "en", "Asia/Jakarta");
  const budi = member("budi", `Budi ${HOSTILE}`, "en", "Asia/Jayapura");
  return [
    introMessage(t, "en", {
      programName: `Kopi ${HOSTILE}`,
      roundNumber: 1,
      members: [ani, budi],
      profiles: [
        profile("ani", [`SQL ${HOSTILE}`], [`public speaking ${HOSTILE}`], `Data ${HOSTILE}`),
        profile("budi", [`public speaking ${HOSTILE}`], [`SQL ${HOSTILE}`], `Ops ${HOSTILE}`),
      ],
      joined: ani,
      pairingId: PAIRING,
    }),
    reportMessage(t, "en", { ...PROGRAM, name: `Kopi ${HOSTILE}` }, ROUND, null),
  ];
}

/** A form with hostile member text in its title, labels, hints, initial values and options. */
function hostileForm(): Form {
  return {
    title: HOSTILE,
    submitLabel: HOSTILE,
    request: { type: "journal.write" },
    inputs: [
      { kind: "textarea", name: "text", label: HOSTILE, hint: HOSTILE, required: true, initial: HOSTILE, maxLength: 4000 },
      {
        kind: "select",
        name: "team",
        label: HOSTILE,
        hint: HOSTILE,
        required: true,
        initial: "a",
        options: [{ label: HOSTILE, value: "a" }],
      },
      { kind: "checkbox", name: "ok", label: HOSTILE, hint: HOSTILE, required: false },
    ],
  };
}

// --- Slack ---------------------------------------------------------------------------------------------------------

type Json = unknown;

/** Every Block Kit text object in a rendering, with the key it sits under. */
function textObjects(value: Json, out: Array<{ type: string; text: string; verbatim?: boolean }> = []) {
  if (Array.isArray(value)) for (const v of value) textObjects(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string")
      out.push(o as { type: string; text: string; verbatim?: boolean });
    else for (const v of Object.values(o)) textObjects(v, out);
  }
  return out;
}

/** Every string in a rendering that is not inside a text object, with its key. */
function otherStrings(value: Json, key = "", out: Array<[string, string]> = []) {
  if (typeof value === "string") out.push([key, value]);
  else if (Array.isArray(value)) for (const v of value) otherStrings(v, key, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o.type === "mrkdwn" || o.type === "plain_text") return out;
    for (const [k, v] of Object.entries(o)) otherStrings(v, k, out);
  }
  return out;
}

/** Slack markup is <…>: escaped member text has none, so any left is the core's mention of `user`. */
function expectNoSlackMarkup(mrkdwn: string, user: string): void {
  expect(mrkdwn.replaceAll(`<@${user}>`, "")).not.toMatch(/[<>]/);
}

/** `text` is the fallback (none for an update's blocks or a modal); `user` the one the core mentioned, if any. */
function expectSlackSafe(rendered: { text?: string; blocks: Json }, user: string | null): void {
  expectNoSlackMarkup(rendered.text ?? "", user ?? "");
  const objects = textObjects(rendered.blocks);
  expect(objects.length).toBeGreaterThan(0);
  for (const o of objects) {
    if (o.type === "mrkdwn") {
      expectNoSlackMarkup(o.text, user ?? "");
      // Slack takes it as written: no auto-linked @channel, #channel or names.
      expect(o.verbatim).toBe(true);
    }
  }
  // Outside text objects only values, ids and types: none of them shows member text.
  for (const [key, value] of otherStrings(rendered.blocks)) if (value.includes("<@")) expect(key).toBe("initial_value");
  if (user) {
    // Unless the fallback had to be cut before it (then the blocks still carry it).
    if (rendered.text !== undefined && !rendered.text.endsWith("…")) expect(rendered.text).toContain(`<@${user}>`);
    expect(objects.some((o) => o.type === "mrkdwn" && o.text.includes(`<@${user}>`))).toBe(true);
  }
}

describe("Slack: member text in every field", () => {
  it("is escaped in text, headings, muted text, fields and the fallback; the core's mention alone is one", () => {
    const rendered = renderSlack(hostileMessage(SLACK_USER));
    expectSlackSafe(rendered, SLACK_USER);
    // Escaped, not dropped: the member's words are all there.
    expect(rendered.text).toContain("&lt;@U0VICTIM&gt;");
    expect(rendered.text).toContain("&lt;!channel&gt;");
    expect(rendered.text).toContain("&lt;https://evil.example/reset|Reset your password&gt;");
    // The fallback is what notifications show: member text there is escaped too.
    expect(rendered.text).not.toContain("<!");
    // Buttons, select options and a heading without a mention are plain_text, which Slack never parses.
    expect(rendered.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: SHORT, emoji: true } });
    const plain = textObjects(rendered.blocks).filter((o) => o.type === "plain_text");
    expect(plain.map((o) => o.text)).toContain(`${HOSTILE.slice(0, SLACK_LIMITS.buttonText - 1)}…`);
    expect(plain.map((o) => o.text)).toContain(`${HOSTILE.slice(0, SLACK_LIMITS.optionText - 1)}…`);
    // A heading with the core's mention cannot be a plain_text header: it is bold mrkdwn.
    expect(rendered.blocks[1]).toEqual({
      type: "section",
      text: expect.objectContaining({
        type: "mrkdwn",
        text: expect.stringMatching(new RegExp(`^\\*<@${SLACK_USER}> &lt;@U0VICTIM&gt;`)),
      }),
    });
  });

  it("is escaped in the real views (intro, report) and in settled and noted answers", () => {
    for (const view of hostileViews()) expectSlackSafe(renderSlack(view), null);
    const original = renderSlack(message(text("How did it go?"), actions(commandButton("A", { type: "status" })))).blocks;
    const answered = message(text(t("answered.checkin", { name: HOSTILE })));
    expectSlackSafe({ blocks: settledBlocks(original, answered) }, null);
    expectSlackSafe({ blocks: notedBlocks(original, answered, false) }, null);
    const mentioned = message(text([mentionUser(SLACK_USER), ` ${HOSTILE}`]));
    expectSlackSafe({ blocks: settledBlocks(original, mentioned) }, SLACK_USER);
    expectSlackSafe({ blocks: notedBlocks(original, mentioned, true) }, SLACK_USER);
  });

  it("stays plain_text in modals: titles, labels, hints and options are never parsed; initial values are values", () => {
    const view = renderModal(hostileForm(), Buffer.alloc(32, 7));
    expect(textObjects(view).every((o) => o.type === "plain_text")).toBe(true);
    expect(JSON.stringify(view)).toContain(JSON.stringify(HOSTILE).slice(1, 40));
    const input = (view.blocks[0] as { element: { initial_value?: string } }).element;
    // The member's own earlier words come back to them unchanged, for them to edit.
    expect(input.initial_value).toBe(HOSTILE);
    expectSlackSafe({ blocks: view }, null);
  });

  it("names a role without notifying it, and writes out an id that is not one", () => {
    const role = richTranslator("en")("organizer.role", { role: mentionRole("S0LEADS"), name: HOSTILE });
    const rendered = renderSlack(message(text(role)));
    expect(rendered.text).toMatch(/^Everyone with the role @S0LEADS may now organize “&lt;@U0VICTIM&gt;/);
    expectSlackSafe(rendered, null);
    const forged = renderSlack(message(text([mentionUser("U1> <!channel"), "!"])));
    expect(forged.text).toBe("@U1&gt; &lt;!channel!");
  });

  it("holds for any text around the core's mention", () => {
    const unit = fc.constantFrom(..."<>@!#&|^:/ aZ09*_~`[]()\n".split(""), "<@U0X>", "<!here>", "https://x.io");
    fc.assert(
      // Long enough that escaped text is cut into several blocks and the fallback is truncated.
      fc.property(
        fc.string({ unit, maxLength: 1200, size: "max" }),
        fc.string({ unit, maxLength: 1200, size: "max" }),
        (before, after) => {
          const rendered = renderSlack(
            message(text([before, mentionUser(SLACK_USER), after]), muted(before), fields([[before, after]]), heading(after)),
          );
          expect([...rendered.text].length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
          expectSlackSafe(rendered, SLACK_USER);
        },
      ),
      // Long inputs shrink slowly: the first counterexample is reported as found.
      { numRuns: 100, endOnFailure: true },
    );
  });
});

// --- Discord -------------------------------------------------------------------------------------------------------

/**
 * What Discord acts on in content once escapes are read (a backslash shows the
 * next character as it is) and links in `<>` (shown, without a preview) are
 * set aside: escaped member text leaves no `<`, `@` or `[` (a masked link
 * needs one), so anything left is the core's mention.
 */
function live(content: string, allowed: string[]): string {
  let rest = content.replace(/\\./gs, "").replace(/<https?:\/\/[^\s<>]*>?/g, "");
  for (const m of allowed) rest = rest.replaceAll(m, "");
  return rest;
}

/** Content as a reader sees it: escapes read, links unwrapped. */
const shown = (content: string) => content.replace(/<(https?:\/\/[^\s<>]+)>/g, "$1").replace(/\\(.)/gs, "$1");

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

function expectDiscordSafe(payloads: DiscordMessagePayload[], user: string | null, roles: string[] = []): void {
  expect(payloads.length).toBeGreaterThan(0);
  for (const p of payloads) {
    const content = p.content ?? "";
    const intended = [...(user ? [`<@${user}>`] : []), ...roles.map((r) => `<@&${r}>`)];
    expect(live(content, intended)).not.toMatch(/[<@[]/);
    // Only the core's mention may notify, only where it is; never roles, @everyone or @here.
    const mentions = user && content.includes(`<@${user}>`) ? { parse: [], users: [user] } : { parse: [] };
    expect(p.allowed_mentions).toEqual(mentions);
    expect(p.allowed_mentions).not.toHaveProperty("roles");
  }
  if (user) expect(payloads.some((p) => p.content?.includes(`<@${user}>`))).toBe(true);
}

describe("Discord: member text in every field", () => {
  it("is escaped in text, headings, muted text and fields; only the core's mention pings", () => {
    const payloads = renderDiscord(hostileMessage(DISCORD_USER));
    expectDiscordSafe(payloads, DISCORD_USER);
    const content = payloads.map((p) => p.content ?? "").join("\n");
    // Escaped, not dropped: the member's words read as written.
    expect(shown(content)).toContain(HOSTILE);
    expect(content).toContain("\\<\\@123456789012345678>");
    expect(content).toContain("\\[Reset your password](<https://evil.example/reset>)");
    expect(content).toContain("\\@everyone");
    // Buttons, select placeholders and options are plain labels, never parsed: as written (cut to fit).
    const components = payloads.flatMap((p) => (p.components ?? []) as Row[]).flatMap((r) => r.components);
    const labels = components.flatMap((c) =>
      c.type === ComponentType.Button && "label" in c
        ? [c.label]
        : c.type === ComponentType.StringSelect
          ? [c.placeholder, ...c.options.map((o) => o.label)]
          : [],
    );
    expect(labels).toEqual([
      `${HOSTILE.slice(0, DISCORD_LIMITS.buttonLabel - 1)}…`,
      `${HOSTILE.slice(0, DISCORD_LIMITS.buttonLabel - 1)}…`,
      `${HOSTILE.slice(0, DISCORD_LIMITS.placeholder - 1)}…`,
      `${HOSTILE.slice(0, DISCORD_LIMITS.optionLabel - 1)}…`,
    ]);
  });

  it("is escaped in the real views (intro, report) and in settled and noted answers", () => {
    for (const view of hostileViews()) expectDiscordSafe(renderDiscord(view), null);
    const [original] = renderDiscord(message(text("How did it go?"), actions(commandButton("A", { type: "status" }))));
    const answered = message(text(t("answered.checkin", { name: HOSTILE })));
    expectDiscordSafe([settledMessage(original as DiscordMessagePayload, answered)], null);
    expectDiscordSafe([notedMessage(original as DiscordMessagePayload, answered, false)], null);
  });

  it("stays plain in modals: titles, labels, descriptions, options and values are never parsed", () => {
    const [modal] = modalSteps(hostileForm(), DRAFT, t);
    const json = JSON.stringify(modal);
    // Discord shows these as text: nothing there is content, so nothing there can mention or ping.
    expect(json).not.toContain("allowed_mentions");
    expect(json).toContain(JSON.stringify(HOSTILE.slice(0, 30)).slice(1, -1));
    const first = modal?.components[0] as { component: { value?: string } } | undefined;
    expect(first?.component.value).toBe(HOSTILE);
  });

  it("names a role without pinging it; an id that is not a snowflake is written out", () => {
    const role = richTranslator("en")("organizer.role", { role: mentionRole("120000000000000031"), name: HOSTILE });
    const payloads = renderDiscord(message(text(role)));
    expect(payloads[0]?.content).toMatch(/^Everyone with the role <@&120000000000000031> may now organize “\\<\\@U0VICTIM>/);
    expectDiscordSafe(payloads, null, ["120000000000000031"]);
    const [forged] = renderDiscord(message(text([mentionUser("1> @everyone"), "!"])));
    expect(forged?.content).toBe("\\@1> \\@everyone!");
    expect(forged?.allowed_mentions).toEqual({ parse: [] });
  });

  it("a member's copy of the core's mention, even next to it, stays text and adds nobody", () => {
    const payloads = renderDiscord(message(text([mentionUser(DISCORD_USER), ` <@${DISCORD_USER}> \\<@${DISCORD_USER}>`])));
    expect(payloads[0]?.content).toBe(`<@${DISCORD_USER}> \\<\\@${DISCORD_USER}> \\\\\\<\\@${DISCORD_USER}>`);
    expectDiscordSafe(payloads, DISCORD_USER);
    // Only the member's copies: no one to notify.
    expect(renderDiscord(message(text(`<@${DISCORD_USER}> \\<@${DISCORD_USER}>`)))[0]?.allowed_mentions).toEqual({ parse: [] });
  });

  it("holds for any text around the core's mention", () => {
    const unit = fc.constantFrom(..."<>@!#&|\\:/ aZ09*_~`[]()\n-".split(""), "<@1>", "@here", "https://x.io/a", "](");
    fc.assert(
      // Long enough that the content is cut into several payloads.
      fc.property(
        fc.string({ unit, maxLength: 900, size: "max" }),
        fc.string({ unit, maxLength: 900, size: "max" }),
        (before, after) => {
          const payloads = renderDiscord(
            message(text([before, mentionUser(DISCORD_USER), after]), muted(before), fields([[before, after]]), heading(after)),
          );
          expectDiscordSafe(payloads, DISCORD_USER);
        },
      ),
      // Long inputs shrink slowly: the first counterexample is reported as found.
      { numRuns: 100, endOnFailure: true },
    );
  });
});

describe("console", () => {
  it("shows the core's mentions by name and member text as written", () => {
    const line = renderText(
      message(text([mentionUser("ani"), `, ${HOSTILE}`]), text(["role ", mentionRole("leads")])),
      () => 1,
      (id) => (id === "ani" ? "Ani" : undefined),
    );
    expect(line).toBe(`@Ani, ${HOSTILE}\nrole @leads`);
  });
});

describe("evaluation form", () => {
  it("puts a member's goals only in plain labels", () => {
    const form = evaluationForm(t, PAIRING, 1, [HOSTILE]);
    const slack = renderModal(form, Buffer.alloc(32, 7));
    expect(textObjects(slack).every((o) => o.type === "plain_text")).toBe(true);
    const [modal] = modalSteps(form, DRAFT, t);
    expect(JSON.stringify(modal)).not.toContain("content");
  });
});
