/**
 * Block Kit rendering: golden files for the real layouts (intro, check-in,
 * announcement, status, modals, in both languages), Slack's limits on any
 * message, and a modal's answers back into the command its form completes.
 * UPDATE_GOLDEN=1 rewrites the golden files; a missing one fails the test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commandFromSubmission,
  decodeButton,
  escapeMrkdwn,
  mrkdwn,
  renderMessage,
  renderModal,
  SLACK_LIMITS,
  type ViewState,
} from "../../src/adapters/slack/render";
import { parseCommand } from "../../src/core/commands/command";
import { translator } from "../../src/core/i18n/translate";
import type { Block } from "../../src/core/messages/message";
import { mentionRole, mentionUser } from "../../src/core/messages/rich-text";
import { message, text } from "../../src/core/views/blocks";
import { checkInAnswers } from "../../src/core/views/check-in";
import { endForm, evaluationForm, intakeForm, journalForm } from "../../src/core/views/forms";
import { announcement, goldenFiles, intro, PAIRING, report, SESSION, statusFields } from "../support/layout-fixtures";

const golden = goldenFiles("slack");
const translatorFree = () => journalForm(translator("en"));
/** The key modals' metadata is sealed with (the app derives its own from its secrets). */
const KEY = Buffer.alloc(32, 7);

describe("golden layouts", () => {
  for (const language of ["id", "en"] as const) {
    const t = translator(language);
    it(`intro (${language})`, () => golden(`intro.${language}`, renderMessage(intro(language))));
    it(`check-in prompt (${language})`, () =>
      golden(
        `check-in.${language}`,
        renderMessage(message(text(t("checkin.prompt", { number: 2 })), checkInAnswers(t, SESSION))),
      ));
    it(`evaluation modal (${language})`, () =>
      golden(`evaluation-modal.${language}`, renderModal(evaluationForm(t, PAIRING, 1, ["SQL", "public speaking"]), KEY)));
    it(`ending modal (${language})`, () => golden(`end-modal.${language}`, renderModal(endForm(t, PAIRING), KEY)));
    it(`organizer report (${language})`, () => golden(`report.${language}`, renderMessage(report(language))));
    it(`intake modal (${language})`, () =>
      golden(
        `intake-modal.${language}`,
        renderModal(intakeForm(t, { roundId: PAIRING, timezone: "Asia/Makassar", language }), KEY),
      ));
  }
  it("round announcement and status fields", () => {
    golden("announcement.en", renderMessage(announcement()));
    golden("status.en", renderMessage(statusFields("Sahabat Belajar <& co>")));
  });
});

describe("buttons", () => {
  it("carry the command they run; a form button carries only its form's request, answered with the form", () => {
    const t = translator("en");
    const rendered = renderMessage(message(checkInAnswers(t, SESSION)));
    const block = rendered.blocks[0];
    if (block?.type !== "actions") throw new Error("expected actions");
    const values = block.elements.map((e) => ("value" in e ? decodeButton(e.value as string) : null));
    expect(values).toEqual([
      { type: "checkin", sessionId: SESSION.id },
      { type: "checkin", sessionId: SESSION.id, outcome: "rescheduled" },
      { type: "checkin", sessionId: SESSION.id, outcome: "not_met" },
    ]);
    expect(new Set(block.elements.map((e) => e.action_id)).size).toBe(3);
  });
});

describe("escaping", () => {
  it("escapes &, < and >, a mention typed as text included; only the core's mentions are mentions", () => {
    expect(escapeMrkdwn("<@U123ABC>, a <b> & c")).toBe("&lt;@U123ABC&gt;, a &lt;b&gt; &amp; c");
    expect(mrkdwn([mentionUser("U123ABC"), ", a <b> & c"])).toBe("<@U123ABC>, a &lt;b&gt; &amp; c");
    // Slack has no roles to name; a user group would notify everyone in it.
    expect(mrkdwn(["role ", mentionRole("S123")])).toBe("role @S123");
    expect(mrkdwn([mentionUser("U1>|x"), "!"])).toBe("@U1&gt;|x!");
  });
});

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    type: fc.constant("text" as const),
    text: fc.string({ maxLength: 9000, size: "max" }),
    style: fc.constantFrom("heading" as const, "plain" as const, "muted" as const),
  }),
  fc.record({
    type: fc.constant("fields" as const),
    fields: fc.array(
      fc.record({ label: fc.string({ maxLength: 300, size: "max" }), value: fc.string({ maxLength: 3000, size: "max" }) }),
      {
        maxLength: 30,
      },
    ),
  }),
  fc.constant({ type: "divider" as const }),
  fc.record({
    type: fc.constant("actions" as const),
    elements: fc.array(
      fc.record({
        type: fc.constant("button" as const),
        label: fc.string({ minLength: 1, maxLength: 200, size: "max" }),
        action: fc.constant({ kind: "command" as const, command: { type: "status" as const } }),
      }),
      { maxLength: 60 },
    ),
  }),
);

describe("Slack's limits", () => {
  it("hold for any message", () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 80 }), (blocks) => {
        const { text: fallback, blocks: out } = renderMessage({ blocks });
        expect(out.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
        expect([...fallback].length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        const actionIds: string[] = [];
        for (const b of out) {
          if (b.type === "header") expect([...b.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
          if (b.type === "section") {
            if (b.text) expect([...b.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
            expect(b.fields?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.fieldsPerSection);
            for (const f of b.fields ?? []) expect([...f.text].length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
          }
          if (b.type === "context")
            for (const e of b.elements) if ("text" in e) expect([...e.text].length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
          if (b.type === "actions") {
            expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.elementsPerActions);
            for (const e of b.elements) {
              if (e.type === "button") {
                expect([...e.text.text].length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
                expect((e.value ?? "").length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
              }
              actionIds.push(e.action_id ?? "");
            }
          }
        }
        expect(new Set(actionIds).size).toBe(actionIds.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("modals", () => {
  it("turn the answers back into the command the form completes", () => {
    const t = translator("id");
    const view = renderModal(evaluationForm(t, PAIRING, 1, ["SQL", "public speaking"]), KEY);
    expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.viewTitle);
    const state: ViewState = {
      values: {
        g0: { v: { type: "static_select", selected_option: { value: "reached" } } },
        g1: { v: { type: "static_select", selected_option: { value: "progressing" } } },
        working: { v: { type: "static_select", selected_option: { value: "4" } } },
        adjust: { v: { type: "static_select", selected_option: { value: "cadence" } } },
      },
    };
    const submitted = commandFromSubmission(view.private_metadata as string, state, KEY);
    expect(submitted?.channelId).toBeUndefined();
    const parsed = parseCommand(submitted?.command);
    expect(parsed).toEqual({
      ok: true,
      command: {
        type: "evaluation.submit",
        pairingId: PAIRING,
        number: 1,
        answers: { working: 4, g0: "reached", g1: "progressing", adjust: "cadence" },
      },
    });
  });

  it("read checkboxes, dates and free text; a field left empty stays unset", () => {
    const t = translator("en");
    const end = renderModal(endForm(t, PAIRING), KEY, { channelId: "C123" });
    const submitted = commandFromSubmission(
      end.private_metadata as string,
      {
        values: {
          reason: { v: { type: "plain_text_input", value: "private words" } },
          notAFit: { v: { type: "checkboxes", selected_options: [{ value: "yes" }] } },
          messageToPartner: { v: { type: "plain_text_input", value: null } },
          rematch: { v: { type: "checkboxes", selected_options: [] } },
        },
      },
      KEY,
    );
    expect(submitted?.command).toEqual({
      type: "form.submit",
      request: { type: "pairing.end", pairingId: PAIRING },
      answers: { reason: "private words", notAFit: true, rematch: false },
    });
    expect(submitted?.channelId).toBe("C123");
  });

  it("refuse metadata this deployment did not seal: forged, altered, or sealed under another key", () => {
    const t = translator("en");
    const view = renderModal(endForm(t, PAIRING), KEY, { channelId: "C123" });
    const sealed = view.private_metadata as string;
    const values = { reason: { v: { type: "plain_text_input", value: "x" } } };
    expect(commandFromSubmission(sealed, { values }, KEY)).not.toBeNull();
    // Another program's channel swapped in: the seal no longer matches.
    expect(commandFromSubmission(sealed.replace("C123", "C999"), { values }, KEY)).toBeNull();
    expect(commandFromSubmission(sealed, { values }, Buffer.alloc(32, 8))).toBeNull();
    const forged = JSON.stringify({ request: { type: "pairing.end", pairingId: PAIRING }, channel: "C999" });
    expect(commandFromSubmission(forged, { values }, KEY)).toBeNull();
    expect(commandFromSubmission(`s1.${"A".repeat(43)}.${forged}`, { values }, KEY)).toBeNull();
    expect(commandFromSubmission("", { values }, KEY)).toBeNull();
  });

  it("never turn a block id into a path: answers stay flat, named as submitted, for the core to refuse", () => {
    const view = renderModal(translatorFree(), KEY);
    const submitted = commandFromSubmission(
      view.private_metadata as string,
      {
        values: {
          "__proto__.polluted": { v: { type: "plain_text_input", value: "yes" } },
          text: { v: { type: "plain_text_input", value: "ok" } },
        },
      },
      KEY,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseCommand(submitted?.command).ok).toBe(false);
  });
});
