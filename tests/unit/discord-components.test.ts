/**
 * Discord rendering: golden files for the real layouts (intro, check-in,
 * announcement, status, modals, in both languages), Discord's limits on any
 * message and any form, custom ids that carry every command the core puts on
 * a button, and a modal's answers back into the command its form completes.
 * UPDATE_GOLDEN=1 rewrites the golden files; a missing one fails the test.
 */
import {
  type APIButtonComponentWithCustomId,
  type APILabelComponent,
  type APIStringSelectComponent,
  type APITextInputComponent,
  ComponentType,
} from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CustomIdPayload,
  commandFromSelect,
  continueCustomId,
  decodeCustomId,
  encodeCustomId,
  modalCustomId,
  parseContinueCustomId,
  parseModalCustomId,
} from "../../src/adapters/discord/custom-id";
import { DISCORD_LIMITS, type DiscordMessagePayload, type DiscordModal } from "../../src/adapters/discord/limits";
import { escapeMarkdown, truncate } from "../../src/adapters/discord/markdown";
import { answersFromModal, continuePrompt, modalSteps, stepSizes } from "../../src/adapters/discord/modals";
import { notedMessage, renderMessage, renderReply, settledMessage } from "../../src/adapters/discord/render";
import { type Command, parseCommand } from "../../src/core/commands/command";
import type { Session } from "../../src/core/domain";
import { type FormAnswers, formSubmission } from "../../src/core/forms/form-submission";
import { translator } from "../../src/core/i18n/translate";
import type { Block, Button, Form, FormInput, Select } from "../../src/core/messages/message";
import { mentionRole, mentionUser } from "../../src/core/messages/rich-text";
import { actions, commandButton, fields, formButton, heading, message, muted, text } from "../../src/core/views/blocks";
import { checkInAnswers } from "../../src/core/views/check-in";
import {
  cadenceForm,
  checkInForm,
  endForm,
  evaluationForm,
  intakeForm,
  journalForm,
  pauseForm,
} from "../../src/core/views/forms";
import { retrospectiveMessage } from "../../src/core/views/round-retrospective";
import { announcement, goldenFiles, intro, PAIRING, report, SESSION, statusFields } from "../support/layout-fixtures";

const golden = goldenFiles("discord");
const DRAFT = "3c2b1a09-8f7e-4d6c-9b5a-493827161504";
const buttonsOf = (p: DiscordMessagePayload) =>
  (p.components ?? []).flatMap((row) =>
    row.components.filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button),
  );
const selectsOf = (p: DiscordMessagePayload) =>
  (p.components ?? []).flatMap((row) =>
    row.components.filter((c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect),
  );
/** The modal's labelled inputs (a text display, such as the intake's privacy note, is not one). */
const labelsOf = (modal: DiscordModal) =>
  (modal.components as unknown as APILabelComponent[]).filter((c) => c.type === ComponentType.Label);
/** No lone surrogate halves. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("golden layouts", () => {
  for (const language of ["id", "en"] as const) {
    it(`organizer report (${language})`, () => golden(`report.${language}`, renderMessage(report(language))));
    const t = translator(language);
    it(`intro (${language})`, () => golden(`intro.${language}`, renderMessage(intro(language))));
    it(`check-in prompt (${language})`, () =>
      golden(
        `check-in.${language}`,
        renderMessage(message(text(t("checkin.prompt", { number: 2 })), checkInAnswers(t, SESSION))),
      ));
    it(`evaluation modal (${language})`, () =>
      golden(`evaluation-modal.${language}`, modalSteps(evaluationForm(t, PAIRING, 1, ["SQL", "public speaking"]), DRAFT, t)));
    it(`ending modal (${language})`, () => golden(`end-modal.${language}`, modalSteps(endForm(t, PAIRING), DRAFT, t)));
    it(`intake modals (${language})`, () =>
      golden(
        `intake-modal.${language}`,
        modalSteps(intakeForm(t, { roundId: PAIRING, timezone: "Asia/Makassar", language }), DRAFT, t),
      ));
  }
  it("round announcement and status fields", () => {
    golden("announcement.en", renderMessage(announcement()));
    golden("status.en", renderMessage(statusFields("Sahabat Belajar <& co> *stars*")));
  });
});

describe("layout", () => {
  it("keeps blocks in order: a heading line, subtext, fields as bold labels, a rule for a divider", () => {
    const [p, ...rest] = renderMessage(
      message(
        heading("Title"),
        text("Body"),
        muted("quiet\n\nnote"),
        fields([["Label", "value"]]),
        { type: "divider" },
        text("End"),
      ),
    );
    expect(rest).toEqual([]);
    expect(p?.content).toBe("### Title\nBody\n\n-# quiet\n-# note\n\n**Label**: value\n\n────────────\n\nEnd");
    expect(p?.components).toBeUndefined();
  });

  it("a long or multi-line heading is bold instead of a heading line", () => {
    expect(renderMessage(message(heading("two\nlines")))[0]?.content).toBe("**two\nlines**");
    expect(renderMessage(message(heading("x".repeat(200))))[0]?.content).toBe(`**${"x".repeat(200)}**`);
  });

  it("buttons carry their style, five to a row; a select sits alone in its row", () => {
    const status: Command = { type: "status" };
    const buttons = Array.from({ length: 7 }, (_, i) =>
      commandButton(`b${i}`, status, i === 0 ? "primary" : i === 1 ? "danger" : undefined),
    );
    const select: Select = {
      type: "select",
      label: "Pick",
      command: { type: "checkin", sessionId: SESSION.id },
      field: "outcome",
      options: ["not_met", "rescheduled"].map((o) => ({ label: o, value: o })),
    };
    const [p] = renderMessage({ blocks: [{ type: "actions", elements: [...buttons.slice(0, 6), select, ...buttons.slice(6)] }] });
    expect(p?.components?.map((row) => row.components.map((c) => c.type))).toEqual([[2, 2, 2, 2, 2], [2], [3], [2]]);
    expect(buttonsOf(p as DiscordMessagePayload).map((b) => b.style)).toEqual([1, 4, 2, 2, 2, 2, 2]);
    const ids = (p?.components ?? []).flatMap((row) => row.components.map((c) => ("custom_id" in c ? c.custom_id : "")));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.filter((i) => i.startsWith("sb1c")))
      expect(decodeCustomId(id)).toEqual({ kind: "command", command: status });
    const [chosen] = selectsOf(p as DiscordMessagePayload);
    const decoded = decodeCustomId(chosen?.custom_id);
    if (decoded?.kind !== "select") throw new Error("expected a select payload");
    expect(parseCommand(commandFromSelect(decoded, "not_met"))).toEqual({
      ok: true,
      command: { type: "checkin", sessionId: SESSION.id, outcome: "not_met" },
    });
  });

  it("splits past 2,000 characters, past five rows, and when text follows buttons", () => {
    const long = renderMessage(message(text(`${"word ".repeat(500)}\n${"more ".repeat(300)}`)));
    expect(long.length).toBe(2);
    expect(long.map((p) => p.content?.length ?? 0).every((n) => n <= 2000)).toBe(true);
    // Cut at the last space before the limit.
    expect(long.map((p) => p.content).join(" ")).toBe(`${"word ".repeat(500)}\n${"more ".repeat(300)}`.trim());

    const many = renderMessage(
      message(
        text("Pick one"),
        actions(...Array.from({ length: 30 }, (_, i) => commandButton(`b${i}`, { type: "round.open", weeks: 4 + i }))),
      ),
    );
    expect(many.map((p) => [p.content, p.components?.length])).toEqual([
      ["Pick one", 5],
      [undefined, 1],
    ]);
    expect(many.flatMap(buttonsOf).map((b) => b.label)).toEqual(Array.from({ length: 30 }, (_, i) => `b${i}`));

    const answered = renderMessage(message(text("Q1"), actions(commandButton("A", { type: "status" })), text("Q2")));
    expect(answered.map((p) => [p.content, p.components?.length])).toEqual([
      ["Q1", 1],
      ["Q2", undefined],
    ]);
    expect(renderMessage(message())).toEqual([]);
    expect(renderMessage(message(text("   ")))).toEqual([]);
  });

  it("pings only the users the core mentions; a role is shown, never pinged; typed mentions are text", () => {
    const [p] = renderMessage(
      message(text([mentionUser("123"), ", ", mentionUser("456"), " and ", mentionUser("123"), " of ", mentionRole("789")])),
    );
    expect(p?.content).toBe("<@123>, <@456> and <@123> of <@&789>");
    expect(p?.allowed_mentions).toEqual({ parse: [], users: ["123", "456"] });
    const [typed] = renderMessage(message(text("<@123>, <@!456> and <@123> @everyone <@&789>")));
    expect(typed?.allowed_mentions).toEqual({ parse: [] });
    expect(renderMessage(message(text("hi")))[0]?.allowed_mentions).toEqual({ parse: [] });
  });

  it("renders each message of a reply", () => {
    expect(renderReply({ messages: [message(text("a")), message(text("b"))] }).map((p) => p.content)).toEqual(["a", "b"]);
  });
});

describe("escaping", () => {
  it("escapes markdown, mentions and line starts; links stay readable, without a preview", () => {
    expect(escapeMarkdown("<@123>, *a* _b_ ~c~ `d` ||e|| [f](g) \\ https://x.com/a_b*c @everyone")).toBe(
      "\\<\\@123>, \\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\|\\|e\\|\\| \\[f](g) \\\\ <https://x.com/a_b*c> \\@everyone",
    );
    expect(escapeMarkdown("see https://x.com/a).")).toBe("see <https://x.com/a>).");
    expect(escapeMarkdown("“https://x.com/a”")).toBe("“<https://x.com/a>”");
    expect(escapeMarkdown("# h\n## h\n-# s\n> q\n>>> q\n - list")).toBe("\\# h\n\\## h\n\\-# s\n\\> q\n\\>>> q\n - list");
  });

  it("drops nothing: removing the escapes gives the text back", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab *_~`|[]\\#->\n<@1:/.".split("")), maxLength: 80 }), (s) => {
        const escaped = escapeMarkdown(s);
        // Outside links every formatting character is preceded by a backslash.
        if (!/https?:/.test(s)) {
          expect(escaped.replace(/\\(.)/gs, "$1")).toBe(s);
          expect(escaped.replace(/\\./gs, "")).not.toMatch(/[*_~`|[\\<@]/);
        }
      }),
    );
  });

  it("truncates within the limit without splitting a surrogate pair or an escape", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("ab\\*cd", 4)).toBe("ab…");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), fc.integer({ min: 2, max: 60 }), (s, max) => {
        const out = truncate(escapeMarkdown(s), max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
        if (wellFormed(s)) expect(wellFormed(out)).toBe(true);
      }),
    );
  });
});

describe("settled messages", () => {
  it("lose their buttons and gain the answer as subtext; the original text stays", () => {
    const [original] = renderMessage(message(text("How did it go?"), checkInAnswers(translator("en"), SESSION)));
    const settled = settledMessage(original as DiscordMessagePayload, message(text("Noted. *Next* session: soon")));
    expect(settled).toEqual({
      content: "How did it go?\n\n-# ✓ Noted. \\*Next\\* session: soon",
      components: [],
      allowed_mentions: { parse: [] },
    });
    expect(settledMessage({ content: "Q" }, undefined).content).toBe("Q\n\n-# ✓");
  });

  it("stay within 2,000 characters", () => {
    const settled = settledMessage({ content: "x".repeat(2000) }, message(text("y".repeat(3000))));
    expect(settled.content?.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(settled.content).toMatch(/^x+…\n\n-# ✓ y+…$/);
  });

  it("in a pair's thread: the core's note of who answered goes under it, the buttons stay until everyone has", () => {
    const t = translator("en");
    const [original] = renderMessage(message(text("How did it go?"), checkInAnswers(t, SESSION)));
    const once = notedMessage(original as DiscordMessagePayload, message(text(t("answered.checkin", { name: "Ani" }))), false);
    expect(once.content).toBe("How did it go?\n\n-# ✓ Ani checked in.");
    expect(once.components).toEqual(original?.components);
    expect(once.allowed_mentions).toEqual({ parse: [] });
    expect(notedMessage(once, message(text(t("answered.checkin", { name: "Ani" }))), false).content).toBe(once.content);
    const both = notedMessage(once, message(text(t("answered.checkin", { name: "Bu_di" }))), true);
    expect(both.content).toBe("How did it go?\n\n-# ✓ Ani checked in.\n-# ✓ Bu\\_di checked in.");
    expect(both.components).toEqual([]);
    const long = notedMessage({ content: "x".repeat(2000) }, message(text("✓ Citra checked in.")), false);
    expect(long.content?.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(long.content?.endsWith("…\n\n-# ✓ Citra checked in.")).toBe(true);
  });
});

const unit = fc.constantFrom(...Array.from("aZ 09*_~`|[\\#->\n\t<@:/😀é"), "<@123456789012345678>", "https://x.id/a_b");
const textArb = (maxLength: number) => fc.string({ unit, maxLength, size: "max" });

const buttonArb: fc.Arbitrary<Button> = fc.record({
  type: fc.constant("button" as const),
  label: textArb(200),
  style: fc.constantFrom("primary" as const, "danger" as const, undefined),
  action: fc.constantFrom<Button["action"]>(
    { kind: "command", command: { type: "status" } },
    { kind: "command", command: { type: "checkin", sessionId: SESSION.id, outcome: "not_met" } },
    { kind: "form", request: { type: "journal.write" } },
  ),
});
const selectArb: fc.Arbitrary<Select> = fc.record({
  type: fc.constant("select" as const),
  label: textArb(300),
  command: fc.constant({ type: "checkin" as const, sessionId: SESSION.id }),
  field: fc.constant("rating"),
  options: fc.array(fc.record({ label: textArb(150), value: fc.string({ minLength: 0, maxLength: 130 }) }), { maxLength: 40 }),
});
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    type: fc.constant("text" as const),
    text: textArb(5000),
    style: fc.constantFrom("heading" as const, "plain" as const, "muted" as const),
  }),
  fc.record({
    type: fc.constant("fields" as const),
    fields: fc.array(fc.record({ label: textArb(400), value: textArb(2500) }), { maxLength: 30 }),
  }),
  fc.constant({ type: "divider" as const }),
  fc.record({
    type: fc.constant("actions" as const),
    elements: fc.array(fc.oneof(buttonArb, buttonArb, selectArb), { maxLength: 40 }),
  }),
);

function assertPayloadWithinLimits(p: DiscordMessagePayload): void {
  const L = DISCORD_LIMITS;
  expect(p.content !== undefined || (p.components?.length ?? 0) > 0).toBe(true);
  if (p.content !== undefined) {
    expect(p.content.length).toBeGreaterThan(0);
    expect(p.content.length).toBeLessThanOrEqual(L.content);
    expect(wellFormed(p.content)).toBe(true);
  }
  expect(p.embeds ?? []).toEqual([]);
  const rows = p.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(L.actionRows);
  const ids: string[] = [];
  for (const row of rows) {
    expect(row.components.length).toBeGreaterThan(0);
    const selects = row.components.filter((c) => c.type === ComponentType.StringSelect);
    if (selects.length > 0) expect(row.components.length).toBe(1);
    else expect(row.components.length).toBeLessThanOrEqual(L.buttonsPerRow);
    for (const c of row.components) {
      if (c.type === ComponentType.Button && "custom_id" in c) {
        expect((c.label ?? "").length).toBeGreaterThan(0);
        expect((c.label ?? "").length).toBeLessThanOrEqual(L.buttonLabel);
        ids.push(c.custom_id);
      }
      if (c.type === ComponentType.StringSelect) {
        expect(c.options.length).toBeGreaterThan(0);
        expect(c.options.length).toBeLessThanOrEqual(L.selectOptions);
        expect((c.placeholder ?? "").length).toBeLessThanOrEqual(L.placeholder);
        for (const o of c.options) {
          expect(o.label.length).toBeGreaterThan(0);
          expect(o.label.length).toBeLessThanOrEqual(L.optionLabel);
          expect(o.value.length).toBeGreaterThan(0);
          expect(o.value.length).toBeLessThanOrEqual(L.optionValue);
        }
        expect(new Set(c.options.map((o) => o.value)).size).toBe(c.options.length);
        ids.push(c.custom_id);
      }
    }
  }
  for (const id of ids) {
    expect(id.length).toBeLessThanOrEqual(L.customId);
    expect(decodeCustomId(id)).not.toBeNull();
  }
  expect(new Set(ids).size).toBe(ids.length);
  const mentioned = new Set([...(p.content ?? "").matchAll(/<@!?(\d+)>/g)].map((m) => m[1]));
  expect(p.allowed_mentions.parse).toEqual([]);
  expect((p.allowed_mentions.users ?? []).length).toBeLessThanOrEqual(L.allowedMentionUsers);
  for (const user of p.allowed_mentions.users ?? []) expect(mentioned.has(user)).toBe(true);
}

describe("Discord's limits", () => {
  it("hold for any message, and no button is lost", () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 30 }), (blocks) => {
        const out = renderMessage({ blocks });
        for (const p of out) assertPayloadWithinLimits(p);
        const buttons = blocks.flatMap((b) => (b.type === "actions" ? b.elements.filter((e) => e.type === "button") : []));
        expect(out.flatMap(buttonsOf).length).toBe(buttons.length);
      }),
      { numRuns: 150 },
    );
  });

  it("hold for any form, split into modals that ask every input exactly once, in order", () => {
    const t = translator("en");
    const base = {
      name: fc.stringMatching(/^[a-z][a-zA-Z.]{0,30}$/),
      label: textArb(120),
      hint: fc.option(textArb(300), { nil: undefined }),
    };
    const inputArb: fc.Arbitrary<FormInput> = fc.oneof(
      fc.record({
        ...base,
        kind: fc.constantFrom("text" as const, "textarea" as const),
        required: fc.boolean(),
        initial: fc.option(textArb(5000), { nil: undefined }),
        maxLength: fc.option(fc.integer({ min: 1, max: 8000 }), { nil: undefined }),
      }),
      fc.record({
        ...base,
        kind: fc.constant("number" as const),
        required: fc.boolean(),
        initial: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
        min: fc.integer({ min: 0, max: 10 }),
        max: fc.integer({ min: 10, max: 1000 }),
      }),
      fc.record({
        ...base,
        kind: fc.constant("select" as const),
        required: fc.boolean(),
        options: fc.array(fc.record({ label: textArb(150), value: fc.string({ minLength: 1, maxLength: 120 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        initial: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
      }),
      fc.record({ ...base, kind: fc.constantFrom("date" as const, "time" as const), required: fc.boolean() }),
      fc.record({
        ...base,
        kind: fc.constant("checkbox" as const),
        required: fc.constant(false as const),
        initial: fc.boolean(),
      }),
    );
    const L = DISCORD_LIMITS;
    fc.assert(
      fc.property(
        fc.uniqueArray(inputArb, { minLength: 1, maxLength: 16, selector: (i) => i.name }),
        textArb(200),
        fc.uuid(),
        (inputs, title, draftId) => {
          const form: Form = { title, submitLabel: "Send", request: { type: "journal.write" }, inputs };
          const modals = modalSteps(form, draftId, t);
          expect(modals.length).toBe(Math.ceil(inputs.length / L.modalComponents));
          const asked: string[] = [];
          modals.forEach((modal, i) => {
            expect(parseModalCustomId(modal.custom_id)).toEqual({ step: i + 1, draftId });
            expect(modal.title.length).toBeGreaterThan(0);
            expect(modal.title.length).toBeLessThanOrEqual(L.modalTitle);
            if (modals.length > 1) expect(modal.title.endsWith(`(${i + 1}/${modals.length})`)).toBe(true);
            expect(modal.components.length).toBeGreaterThan(0);
            expect(modal.components.length).toBeLessThanOrEqual(L.modalComponents);
            for (const labelled of labelsOf(modal)) {
              expect(labelled.type).toBe(ComponentType.Label);
              expect(labelled.label.length).toBeGreaterThan(0);
              expect(labelled.label.length).toBeLessThanOrEqual(L.labelText);
              expect((labelled.description ?? "").length).toBeLessThanOrEqual(L.labelDescription);
              const c = labelled.component;
              expect(c.custom_id.length).toBeLessThanOrEqual(L.customId);
              asked.push(c.custom_id.slice(2));
              if (c.type === ComponentType.TextInput) {
                const input = c as APITextInputComponent;
                expect(input.max_length ?? L.textInputValue).toBeLessThanOrEqual(L.textInputValue);
                expect((input.value ?? "").length).toBeLessThanOrEqual(input.max_length ?? L.textInputValue);
                expect((input.placeholder ?? "").length).toBeLessThanOrEqual(L.textInputPlaceholder);
              } else if (c.type === ComponentType.StringSelect) {
                const select = c as APIStringSelectComponent;
                expect(select.options.length).toBeGreaterThan(0);
                expect(select.options.length).toBeLessThanOrEqual(L.selectOptions);
                expect(select.options.filter((o) => o.default).length).toBeLessThanOrEqual(1);
                for (const o of select.options) {
                  expect(o.label.length).toBeLessThanOrEqual(L.optionLabel);
                  expect(o.value.length).toBeLessThanOrEqual(L.optionValue);
                }
              } else throw new Error(`unexpected component ${c.type}`);
            }
          });
          expect(asked).toEqual(inputs.map((i) => i.name));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("modal steps", () => {
  it("spread inputs evenly over as few modals as possible", () => {
    expect([0, 1, 5, 6, 7, 10, 11, 12].map(stepSizes)).toEqual([[], [1], [5], [3, 3], [4, 3], [5, 5], [4, 4, 3], [4, 4, 4]]);
  });

  it("prefill initial values: the default option, the number, the text", () => {
    const t = translator("en");
    const [first, second] = modalSteps(intakeForm(t, { roundId: PAIRING, timezone: "Asia/Makassar", language: "en" }), DRAFT, t);
    expect(first?.title).toBe("Join peer mentoring (1/2)");
    expect(second?.title).toBe("Join peer mentoring (2/2)");
    const components = [...labelsOf(first as DiscordModal), ...labelsOf(second as DiscordModal)].map((l) => l.component);
    const zone = components.find((c) => c.custom_id === "s:timezone") as APIStringSelectComponent;
    expect(zone.options[0]).toEqual({ label: "Asia/Makassar", value: "Asia/Makassar", default: true });
    const language = components.find((c) => c.custom_id === "s:language") as APIStringSelectComponent;
    expect(language.options.filter((o) => o.default).map((o) => o.value)).toEqual(["en"]);
    // A number with a few possible values is a select (partners wanted: 1 to 3).
    const partners = components.find((c) => c.custom_id === "n:partnersWanted") as APIStringSelectComponent;
    expect(partners).toMatchObject({ type: ComponentType.StringSelect, required: true, min_values: 1, max_values: 1 });
    expect(partners.options.map((o) => [o.value, o.default ?? false])).toEqual([
      ["1", true],
      ["2", false],
      ["3", false],
    ]);
    const [cadence] = modalSteps(cadenceForm(translator("id"), "id", PAIRING), DRAFT, translator("id"));
    expect(labelsOf(cadence as DiscordModal).map((l) => l.component)[3]).toMatchObject({
      custom_id: "h:time",
      placeholder: "JJ:MM",
      value: "10:00",
    });
  });

  it("keep 25 options of a longer select, the initial one first", () => {
    const options = Array.from({ length: 40 }, (_, i) => ({ label: `Zone ${i}`, value: `z${i}` }));
    const form: Form = {
      title: "T",
      submitLabel: "S",
      request: { type: "round.join" },
      inputs: [{ kind: "select", name: "timezone", label: "Zone", required: true, initial: "z30", options }],
    };
    const [modal] = modalSteps(form, DRAFT, translator("en"));
    const select = labelsOf(modal as DiscordModal)[0]?.component as APIStringSelectComponent;
    expect(select.options.map((o) => o.value)).toEqual(["z30", ...options.slice(0, 24).map((o) => o.value)]);
    expect(select.options[0]?.default).toBe(true);
  });

  it("repeat a label cut at 45 characters in the description", () => {
    const t = translator("en");
    const goal = "speaking in front of large and sceptical audiences";
    const [modal] = modalSteps(evaluationForm(t, PAIRING, 1, [goal]), DRAFT, t);
    const [first] = labelsOf(modal as DiscordModal);
    expect(first?.label).toHaveLength(45);
    expect(first?.label.endsWith("…")).toBe(true);
    expect(first?.description).toBe(`Progress on: ${goal}`);
  });

  it("between steps, a Continue button opens the next one", () => {
    const t = translator("id");
    const prompt = continuePrompt(t, 2, 3, DRAFT);
    expect(prompt.content).toBe("Bagian 1 dari 3 sudah tersimpan. Tekan tombol untuk mengisi sisanya.");
    const [button] = buttonsOf(prompt);
    expect(button?.label).toBe("Lanjutkan (2/3)");
    expect(parseContinueCustomId(button?.custom_id)).toEqual({ step: 2, draftId: DRAFT });
    expect(parseModalCustomId(button?.custom_id)).toBeNull();
  });
});

/** What Discord sends back for a modal: each component's custom_id and the text typed or the options chosen. */
function submit(modals: DiscordModal[], values: Record<string, string | string[]>): FormAnswers {
  const answers: FormAnswers = {};
  for (const modal of modals) {
    const fields: Record<string, string | string[]> = {};
    for (const { component } of labelsOf(modal)) {
      const name = component.custom_id.slice(2);
      const value = values[name];
      if (component.type === ComponentType.StringSelect) fields[component.custom_id] = value === undefined ? [] : [value].flat();
      else fields[component.custom_id] = typeof value === "string" ? value : "";
    }
    Object.assign(answers, answersFromModal(fields));
  }
  return answers;
}

describe("modal answers", () => {
  it("answer the evaluation", () => {
    const t = translator("id");
    const form = evaluationForm(t, PAIRING, 1, ["SQL", "public speaking"]);
    const answers = submit(modalSteps(form, DRAFT, t), {
      g0: "reached",
      g1: "progressing",
      working: "4",
      adjust: "cadence",
    });
    expect(parseCommand(formSubmission(form.request, answers))).toEqual({
      ok: true,
      command: {
        type: "evaluation.submit",
        pairingId: PAIRING,
        number: 1,
        answers: { working: 4, g0: "reached", g1: "progressing", adjust: "cadence" },
      },
    });
  });

  it("complete the intake over two modals", () => {
    const t = translator("en");
    const form = intakeForm(t, { roundId: PAIRING, timezone: "Asia/Makassar", language: "en" });
    const modals = modalSteps(form, DRAFT, t);
    expect(modals).toHaveLength(2);
    const answers = submit(modals, {
      expertise: "SQL, dashboards",
      goals: "public speaking",
      interests: "",
      team: "Data",
      timezone: "Asia/Jakarta",
      language: "id",
      partnersWanted: " 2 ",
    });
    expect(parseCommand(formSubmission(form.request, answers))).toEqual({
      ok: true,
      command: {
        type: "round.join",
        roundId: PAIRING,
        answers: {
          expertise: ["SQL", "dashboards"],
          goals: ["public speaking"],
          interests: [],
          team: "Data",
          timezone: "Asia/Jakarta",
          language: "id",
          partnersWanted: 2,
        },
      },
    });
  });

  it("read yes/no as booleans, an Indonesian clock as HH:MM, and leave empty fields unset", () => {
    const t = translator("en");
    const end = endForm(t, PAIRING);
    const answers = submit(modalSteps(end, DRAFT, t), { reason: "private words", notAFit: "yes", rematch: "no" });
    expect(answers).toEqual({ reason: "private words", notAFit: true, rematch: false });
    expect(parseCommand(formSubmission(end.request, answers))).toEqual({
      ok: true,
      command: { type: "pairing.end", pairingId: PAIRING, answers: { reason: "private words", notAFit: true, rematch: false } },
    });

    const cadence = cadenceForm(t, "id", PAIRING);
    const times = submit(modalSteps(cadence, DRAFT, t), { everyDays: "14", minutes: "45", weekday: "3", time: "9.30" });
    expect(parseCommand(formSubmission(cadence.request, times))).toEqual({
      ok: true,
      command: {
        type: "cadence.propose",
        pairingId: PAIRING,
        answers: { everyDays: 14, minutes: 45, weekday: 3, time: "09:30" },
      },
    });

    const pause = pauseForm(t);
    expect(parseCommand(formSubmission(pause.request, submit(modalSteps(pause, DRAFT, t), { until: " 2026-12-24 " })))).toEqual({
      ok: true,
      command: { type: "pause", answers: { until: "2026-12-24" } },
    });
    expect(answersFromModal({ "x:other": "a", foreign: "b", "t:note": "   " })).toEqual({});
  });
});

/** Every button the core puts on a message, with the ids, numbers and instants it is built from. */
const coreButtons = (ids: { a: string; b: string }, number: number, at: Date): Button[] => {
  const t = translator("en");
  const session: Session = { ...SESSION, id: ids.a, number };
  return [
    // views/check-in.ts: the prompt and the nudge
    ...checkInAnswers(t, session).elements.filter((e): e is Button => e.type === "button"),
    // jobs/round-signup-close.ts, use-cases/show-home.ts
    commandButton("preview", { type: "round.match", dryRun: true, programId: ids.b }),
    commandButton("match", { type: "round.match", dryRun: false, programId: ids.b }, "primary"),
    // jobs/evaluation-prompt.ts
    formButton("evaluate", evaluationForm(t, ids.a, number, ["SQL", "public speaking"]).request, "primary"),
    // use-cases/open-round.ts, use-cases/welcome.ts
    formButton("join", { type: "round.join", roundId: ids.b }, "primary"),
    // use-cases/show-status.ts, show-home.ts
    formButton("check in", { type: "checkin", sessionId: ids.a }, "primary"),
    formButton("end", endForm(t, ids.b).request, "danger"),
    formButton("journal", journalForm(t).request),
    commandButton("resume", { type: "resume" }),
    formButton("pause", pauseForm(t).request),
    // use-cases/submit-evaluation.ts, propose-cadence.ts, views/intro.ts
    formButton("propose", cadenceForm(t, "en", ids.a).request),
    commandButton("confirm", { type: "cadence.confirm", pairingId: ids.a, proposalOf: at.toISOString() }, "primary"),
    // departure.ts
    commandButton("rematch", { type: "rematch.request", pairingId: ids.b }, "primary"),
    // the check-in form's request, as slack-app's expired-trigger button carries it
    formButton("met", checkInForm(t, session).request),
    // views/round-retrospective.ts: the full report and the round's CSV (issue 17)
    ...retrospectiveMessage(t, { id: ids.b, name: "Kopi" }, { number, joined: 2, pairs: 1, met: 1, goals: null }, null, "csv")
      .blocks.flatMap((b) => (b.type === "actions" ? b.elements : []))
      .filter((e): e is Button => e.type === "button"),
    // the App Home's chart button; calendar/calendar-updates.ts: stop the invites (issue 18)
    commandButton("chart", { type: "program.report", programId: ids.b, chartOnly: true }),
    commandButton("stop invites", { type: "calendar.invites", state: "off" }),
  ];
};

const payloadOf = (button: Button): CustomIdPayload =>
  button.action.kind === "command"
    ? { kind: "command", command: button.action.command }
    : button.action.kind === "form"
      ? { kind: "form", command: button.action.request }
      : (() => {
          throw new Error("a review's button carries no command");
        })();

describe("custom ids", () => {
  it("carry every button the core makes, within 100 characters, back to a valid command", () => {
    fc.assert(
      fc.property(
        fc.record({ a: fc.uuid(), b: fc.uuid() }),
        fc.integer({ min: 1, max: 200 }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }),
        (ids, number, at) => {
          const buttons = coreButtons(ids, number, at);
          for (const button of buttons) {
            const payload = payloadOf(button);
            const id = encodeCustomId(payload);
            expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
            const decoded = decodeCustomId(id);
            expect(decoded).toEqual(payload);
            const parsed = parseCommand(decoded?.command);
            expect(parsed.ok, JSON.stringify(decoded)).toBe(true);
            expect(parsed).toEqual(parseCommand(payload.command));
          }
          // As rendered: one message with every button, each id decoding to its button's payload.
          const rendered = renderMessage(message(actions(...buttons))).flatMap(buttonsOf);
          expect(rendered.map((b) => decodeCustomId(b.custom_id))).toEqual(buttons.map(payloadOf));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a form button carries only its form's request, so pressing it asks for the form", () => {
    const t = translator("en");
    const [button] = buttonsOf(
      renderMessage(message(actions(formButton("end", endForm(t, PAIRING).request, "danger"))))[0] as DiscordMessagePayload,
    );
    expect(decodeCustomId(button?.custom_id)).toEqual({ kind: "form", command: { type: "pairing.end", pairingId: PAIRING } });
  });

  it("use the compact form for the core's buttons", () => {
    const id = encodeCustomId({ kind: "command", command: { type: "checkin", sessionId: SESSION.id, outcome: "not_met" } });
    expect(id).toBe("sb1c:ci.D56NfGtaTz6NLBsKn459bA.2");
    expect(encodeCustomId({ kind: "form", command: { type: "evaluation.submit", pairingId: PAIRING, number: 12 } })).toBe(
      "sb1f:es.ax8MHopOTFWdfgobLD1OXw.c",
    );
    expect(encodeCustomId({ kind: "command", command: { type: "status" } }, 3)).toBe("sb1c3:st");
    const organizer: Command = { type: "program.organizer", userId: "123456789012345678" };
    expect(encodeCustomId({ kind: "command", command: organizer })).toBe("sb1c:po.123456789012345678");
    expect(decodeCustomId("sb1c:po.123456789012345678")).toEqual({ kind: "command", command: organizer });
  });

  it("fall back to JSON, exactly, for anything without a compact form", () => {
    const commandArb = fc.record({
      type: fc.constantFrom("checkin", "program.setup", "round.join", "something.new", "pause"),
      sessionId: fc.option(
        fc.oneof(
          fc.uuid(),
          fc.uuid().map((u) => u.toUpperCase()),
          fc.string({ maxLength: 10 }),
        ),
        {
          nil: undefined,
        },
      ),
      outcome: fc.option(fc.constantFrom("met", "other", ""), { nil: undefined }),
      name: fc.option(fc.string({ maxLength: 20, unit: "binary" }), { nil: undefined }),
      until: fc.option(fc.constantFrom("2026-12-24", "2026-1-1", "tomorrow"), { nil: undefined }),
      rating: fc.option(fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double(), fc.constant(null)), { nil: undefined }),
    });
    fc.assert(
      fc.property(commandArb, fc.constantFrom("command" as const, "form" as const), (raw, kind) => {
        const command = JSON.parse(JSON.stringify(raw)) as Command;
        let id: string;
        try {
          id = encodeCustomId({ kind, command });
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          expect(JSON.stringify(command).length).toBeGreaterThan(90);
          return;
        }
        expect(id.length).toBeLessThanOrEqual(100);
        expect(decodeCustomId(id)).toEqual({ kind, command });
      }),
      { numRuns: 500 },
    );
  });

  it("refuse, with a clear error, a command that cannot fit", () => {
    expect(() =>
      encodeCustomId({ kind: "command", command: { type: "program.setup", name: "a long program name ".repeat(5) } }),
    ).toThrow(/"program\.setup" needs a \d+-character custom_id; Discord allows 100/);
  });

  it("decode garbage and foreign ids to null, never throwing", () => {
    const valid = "sb1c:ci.D56NfGtaTz6NLBsKn459bA.2";
    for (const id of [
      "",
      "foreign_button",
      "sb1c:",
      "sb1x:st",
      "sb1c:zz",
      "sb1c:ci.D56NfGtaTz6NLBsKn459bB.2",
      "sb1c:ci.D56NfGtaTz6NLBsKn459bA.9",
      "sb1c:ci.D56NfGtaTz6NLBsKn459bA.2.1.1",
      "sb1c:rm.2",
      "sb1c:{",
      "sb1c:{}",
      'sb1c:{"type":1}',
      "sb1c:[1]",
      "sb1s::st",
      "sb1c0:st",
      `${valid}x`.repeat(4),
      undefined,
      42,
    ]) {
      expect(decodeCustomId(id), String(id)).toBeNull();
    }
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `sb1c:${s}`),
          fc.string().map((s) => valid.slice(0, 12) + s),
        ),
        (id) => {
          const decoded = decodeCustomId(id);
          if (decoded !== null) expect(typeof decoded.command.type).toBe("string");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("name modal steps and Continue buttons by step and draft", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8, 9, 15] }), (step, draftId) => {
        const modal = modalCustomId(step, draftId);
        const next = continueCustomId(step, draftId);
        expect(modal.length).toBeLessThanOrEqual(100);
        expect(parseModalCustomId(modal)).toEqual({ step, draftId });
        expect(parseContinueCustomId(next)).toEqual({ step, draftId });
        expect(parseContinueCustomId(modal)).toBeNull();
        expect(decodeCustomId(modal)).toBeNull();
      }),
    );
    expect(() => modalCustomId(1, DRAFT.toUpperCase())).toThrow(RangeError);
    expect(() => modalCustomId(0, DRAFT)).toThrow(RangeError);
    expect(parseModalCustomId("sb1m:1:short")).toBeNull();
    expect(parseModalCustomId(`sb1m:0:${modalCustomId(1, DRAFT).slice(7)}`)).toBeNull();
  });
});
