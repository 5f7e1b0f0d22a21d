/** The forms members fill in: intake, cadence, check-in, journal, pause, ending, evaluation. */

import { DateTime } from "luxon";
import { GOAL_KEYS } from "../commands/command";
import { EVALUATION_ADJUST, GOAL_PROGRESS, type Language, type Session } from "../domain";
import type { Translate } from "../i18n/translate";
import { understoodItems } from "../matching/understood-topics";
import type { Form, FormInput } from "../messages/message";
import { weekdayName } from "../time/time-format";
import { SUGGESTED_TIMEZONES } from "../time/timezones";

export function intakeForm(t: Translate, defaults: { roundId?: string; timezone: string; language: Language }): Form {
  const zones = [defaults.timezone, ...SUGGESTED_TIMEZONES.filter((z) => z !== defaults.timezone)];
  return {
    title: t("join.form.title"),
    submitLabel: t("join.form.submit"),
    request: { type: "round.join", ...(defaults.roundId ? { roundId: defaults.roundId } : {}) },
    // issue 16: what happens to the answers, before they are given.
    context: t("privacy.intake"),
    inputs: [
      {
        kind: "textarea",
        name: "expertise",
        label: t("field.expertise"),
        hint: t("join.hint.expertise"),
        required: true,
        maxLength: 1000,
        topics: { language: defaults.language, otherLabel: t("join.other", { field: t("field.expertise") }) },
      },
      {
        kind: "textarea",
        name: "goals",
        label: t("field.goals"),
        hint: t("join.hint.goals"),
        required: true,
        maxLength: 1000,
        topics: { language: defaults.language, otherLabel: t("join.other", { field: t("field.goals") }) },
      },
      {
        kind: "text",
        name: "interests",
        label: t("field.interests"),
        hint: t("join.hint.interests"),
        required: false,
        maxLength: 500,
      },
      { kind: "text", name: "team", label: t("field.team"), required: true, maxLength: 200 },
      {
        kind: "select",
        name: "timezone",
        label: t("field.timezone"),
        hint: t("join.hint.timezone"),
        required: true,
        initial: defaults.timezone,
        options: zones.map((z) => ({ label: z, value: z })),
      },
      {
        kind: "select",
        name: "language",
        label: t("field.language"),
        required: true,
        initial: defaults.language,
        options: [
          { label: t("language.id"), value: "id" },
          { label: t("language.en"), value: "en" },
        ],
      },
      {
        kind: "number",
        name: "partnersWanted",
        label: t("field.partnersWanted"),
        hint: t("join.hint.partnersWanted"),
        required: true,
        initial: 1,
        min: 1,
        max: 3,
      },
    ],
  };
}

/** Answers to prefill the intake with (the member's own, to fix what was read back). */
export interface IntakePrefill {
  expertise: readonly string[];
  goals: readonly string[];
  interests: readonly string[];
  team: string;
  partnersWanted: number;
}

/** The intake with the member's answers in it; lists joined with commas come back as the same items (splitList keeps brackets whole). */
export function prefilledIntakeForm(
  t: Translate,
  defaults: { roundId?: string; timezone: string; language: Language },
  prefill: IntakePrefill,
): Form {
  const form = intakeForm(t, defaults);
  const initial: Record<string, string | number> = {
    expertise: prefill.expertise.join(", "),
    goals: prefill.goals.join(", "),
    interests: prefill.interests.join(", "),
    team: prefill.team,
    partnersWanted: prefill.partnersWanted,
  };
  return {
    ...form,
    inputs: form.inputs.map((input): FormInput => {
      const value = initial[input.name];
      if (value === undefined || value === "") return input;
      if (input.kind === "number") return { ...input, initial: Number(value) };
      if (input.kind !== "text" && input.kind !== "textarea") return input;
      // Topics named as the vocabulary spells them come back chosen where a form can show them so.
      const list = input.name === "expertise" ? prefill.expertise : input.name === "goals" ? prefill.goals : [];
      const chosen = understoodItems(list)
        .filter((i) => i.exact)
        .map((i) => i.written);
      const topics = input.topics && chosen.length > 0 ? { topics: { ...input.topics, chosen } } : {};
      return { ...input, initial: String(value), ...topics };
    }),
  };
}

/** `timezone` is the zone of whoever will see the form; omitted in a shared conversation. */
export function cadenceForm(t: Translate, language: Language, pairingId: string, timezone?: string): Form {
  return {
    title: t("cadence.form.title"),
    submitLabel: t("cadence.form.submit"),
    request: { type: "cadence.propose", pairingId },
    inputs: [
      {
        kind: "number",
        name: "everyDays",
        label: t("field.everyDays"),
        hint: t("cadence.hint.routine"),
        required: true,
        initial: 14,
        min: 7,
        max: 14,
      },
      {
        kind: "number",
        name: "minutes",
        label: t("field.minutes"),
        hint: t("cadence.hint.minutes"),
        required: true,
        initial: 60,
        min: 45,
        max: 60,
      },
      {
        kind: "select",
        name: "weekday",
        label: t("field.weekday"),
        hint: t("cadence.hint.weekday"),
        // Left empty: every few days, with no fixed weekday.
        required: false,
        options: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ label: weekdayName(d, language), value: String(d) })),
      },
      {
        kind: "time",
        name: "time",
        label: t("field.time"),
        hint: timezone ? t("cadence.hint.time", { timezone }) : t("cadence.hint.timeOwn"),
        required: true,
        initial: "10:00",
      },
    ],
  };
}

/**
 * One session to a new day and time: the schedule form's time and length, with a date in place of
 * the routine's weekday and interval. Prefilled with the session's planned moment in `timezone`.
 */
export function sessionMoveForm(t: Translate, session: Session, timezone: string): Form {
  const local = DateTime.fromJSDate(session.startsAt).setZone(timezone);
  return {
    title: t("move.form.title", { number: session.number }),
    submitLabel: t("move.form.submit"),
    request: { type: "session.move", sessionId: session.id },
    inputs: [
      {
        kind: "date",
        name: "date",
        label: t("field.date"),
        hint: t("move.hint.date"),
        required: true,
        initial: local.toISODate() ?? "",
      },
      {
        kind: "time",
        name: "time",
        label: t("field.time"),
        hint: t("cadence.hint.time", { timezone }),
        required: true,
        initial: local.toFormat("HH:mm"),
      },
      {
        kind: "number",
        name: "minutes",
        label: t("field.minutes"),
        hint: t("cadence.hint.minutes"),
        required: true,
        initial: session.minutes,
        min: 45,
        max: 60,
      },
    ],
  };
}

export function checkInForm(t: Translate, session: Session): Form {
  return {
    title: t("checkin.form.title", { number: session.number }),
    submitLabel: t("checkin.form.submit"),
    request: { type: "checkin", sessionId: session.id },
    inputs: [
      {
        kind: "select",
        name: "rating",
        label: t("field.rating"),
        required: true,
        options: ([1, 2, 3, 4, 5] as const).map((r) => ({ label: t(`checkin.rating.${r}`), value: String(r) })),
      },
      { kind: "textarea", name: "note", label: t("field.note"), hint: t("checkin.hint.note"), required: false, maxLength: 2000 },
    ],
  };
}

export function journalForm(t: Translate): Form {
  return {
    title: t("journal.form.title"),
    submitLabel: t("journal.form.submit"),
    request: { type: "journal.write" },
    inputs: [
      { kind: "textarea", name: "text", label: t("field.text"), hint: t("journal.hint"), required: true, maxLength: 4000 },
    ],
  };
}

export function pauseForm(t: Translate): Form {
  return {
    title: t("pause.form.title"),
    submitLabel: t("pause.form.submit"),
    request: { type: "pause" },
    inputs: [{ kind: "date", name: "until", label: t("field.until"), hint: t("pause.hint"), required: true }],
  };
}

export function endForm(t: Translate, pairingId: string): Form {
  return {
    title: t("end.form.title"),
    submitLabel: t("end.form.submit"),
    request: { type: "pairing.end", pairingId },
    inputs: [
      {
        kind: "textarea",
        name: "reason",
        label: t("field.reason"),
        hint: t("end.hint.reason"),
        required: false,
        maxLength: 2000,
      },
      {
        kind: "checkbox",
        name: "notAFit",
        label: t("field.notAFit"),
        hint: t("end.hint.notAFit"),
        required: false,
        initial: false,
      },
      {
        kind: "textarea",
        name: "messageToPartner",
        label: t("field.messageToPartner"),
        hint: t("end.hint.messageToPartner"),
        required: false,
        maxLength: 500,
      },
      { kind: "checkbox", name: "rematch", label: t("field.rematch"), required: false, initial: false },
    ],
  };
}

/** The biweekly evaluation: one select per learning goal, how it works, what to adjust. */
export function evaluationForm(t: Translate, pairingId: string, number: number, goals: readonly string[]): Form {
  return {
    title: t("evaluation.form.title", { number }),
    submitLabel: t("evaluation.form.submit"),
    request: { type: "evaluation.submit", pairingId, number },
    inputs: [
      ...goals.slice(0, GOAL_KEYS.length).map(
        (goal, i): FormInput => ({
          kind: "select",
          name: GOAL_KEYS[i] as string,
          label: t("evaluation.field.goal", { goal }),
          required: true,
          options: GOAL_PROGRESS.map((p) => ({ label: t(`evaluation.progress.${p}`), value: p })),
        }),
      ),
      {
        kind: "select",
        name: "working",
        label: t("evaluation.field.working"),
        required: true,
        options: ([1, 2, 3, 4, 5] as const).map((r) => ({ label: t(`evaluation.working.${r}`), value: String(r) })),
      },
      {
        kind: "select",
        name: "adjust",
        label: t("evaluation.field.adjust"),
        required: true,
        options: EVALUATION_ADJUST.map((a) => ({ label: t(`evaluation.adjust.${a}`), value: a })),
      },
    ],
  };
}
