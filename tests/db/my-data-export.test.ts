/**
 * Issue 16 item 1: `/mentoring mydata` sends the member, privately, everything
 * Sebaya holds about them. Unique text is planted in every personal field
 * through real commands; the export's JSON has each one where
 * `PERSONAL_DATA` says, nothing of the partner's own, and nothing of it for
 * a member of another tenant.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { renderMessage as renderSlack } from "../../src/adapters/slack/render";
import type { Message } from "../../src/core/messages/message";
import { PERSONAL_DATA } from "../../src/core/privacy/personal-data";
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import { Dispatcher } from "../../src/delivery/dispatcher";
import { platformStore } from "../../src/store/platform/platform-store";
import { Harness, messageText, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const DAY_MS = 86_400_000;

/** What was planted in each field of PERSONAL_DATA, as the export's JSON shows it. */
const PLANTED: Record<string, unknown> = {
  "journal_entries.body": "JOURNAL-k7 window functions at last",
  "check_ins.note": "NOTE-m2 they explained CTEs so well",
  "check_ins.rating": 4,
  "pairing_endings.reason": "REASON-p9 we never found a time",
  "pairing_endings.not_a_fit": true,
  "evaluations.goal_progress": { "GOAL-q2 kitesurfing": "reached" },
  "evaluations.working": 3,
  "evaluations.adjust": "agenda",
  "do_not_pair.avoided_member_id": "Cici",
  "form_drafts.answers": { answers: { note: "DRAFT-x5 half-written note" } },
  "members.display_name": "Ani",
  "members.language": "en",
  "members.timezone": "Asia/Makassar",
  "profiles.expertise": ["EXPERTISE-q1 origami"],
  "profiles.goals": ["GOAL-q2 kitesurfing"],
  "profiles.interests": ["INTEREST-q3 birdwatching"],
  "profiles.team": "TEAM-q4 <@U999> @everyone",
  "enrollments.partners_wanted": 1,
  // Midnight starting 25 December in her zone (WITA, UTC+8).
  "enrollments.paused_until": "2026-12-24T16:00:00.000Z",
  "pairing_members.member_id": ["Budi"],
  // When she turned calendar invites off (the day of her pause, below).
  "calendar_opt_outs.created_at": "2026-12-16",
};

/** Every value at `path` ("a[].b" walks each item of a list) in `doc`. */
function at(doc: unknown, path: string): unknown[] {
  let values: unknown[] = [doc];
  for (const step of path.split(".")) {
    const list = step.endsWith("[]");
    const key = list ? step.slice(0, -2) : step;
    values = values.flatMap((v) => {
      const next = v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
      return list ? ((next as unknown[] | undefined) ?? []) : next === undefined ? [] : [next];
    });
  }
  return values;
}

/** Whether `found` holds what was planted: equal, containing it (lists, objects), or an instant on that date. */
function holds(found: unknown, planted: unknown): boolean {
  if (typeof planted === "string" && typeof found === "string") return found === planted || found.startsWith(planted);
  if (Array.isArray(planted)) return Array.isArray(found) && planted.every((p) => found.includes(p));
  if (planted && typeof planted === "object")
    return (
      !!found &&
      typeof found === "object" &&
      Object.entries(planted).every(([k, v]) => holds((found as Record<string, unknown>)[k], v))
    );
  return found === planted;
}

/** The export's file text (a data export is a file, never a calendar invite). */
const fileText = (m: Message | undefined) => (m?.attachment && "text" in m.attachment ? m.attachment.text : undefined);

async function exportRow(userId: string) {
  const rows = (await h.keyed("mydata:")).filter((r) => r.member === userId);
  const row = rows.at(-1);
  if (!row) throw new Error(`no export for ${userId}`);
  const message = row.message as Message;
  return { row, message, json: JSON.parse(fileText(message) ?? "null") as Record<string, unknown> };
}

/** Ani and Budi paired, with something planted in every field Ani can fill; Budi plants his own too. */
async function everyFieldFilled() {
  await h.openProgram();
  await h.run("cici", { type: "help" }, DM);
  await h.join("ani", {
    expertise: PLANTED["profiles.expertise"] as string[],
    goals: PLANTED["profiles.goals"] as string[],
    interests: PLANTED["profiles.interests"] as string[],
    team: PLANTED["profiles.team"] as string,
    timezone: "Asia/Makassar",
    language: "en",
  });
  await h.join("budi", { expertise: ["BUDI-EXPERTISE"], team: "BUDI-TEAM", timezone: "WIT", language: "id" });
  await h.run("ani", { type: "member.avoid", userId: "cici" }, DM);
  await h.run("olga", { type: "round.match" });
  const pairingId = (await h.pairingsOf("ani"))[0] as string;
  await h.run(
    "ani",
    submit({ type: "cadence.propose", pairingId }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  await h.run("budi", { type: "cadence.confirm", pairingId }, DM);
  h.clock.set(new Date("2026-12-02T05:00:00Z"));
  const session = await tdb.db.kysely.selectFrom("sessions").select("id").where("number", "=", 1).executeTakeFirstOrThrow();
  await h.run("ani", submit({ type: "checkin", sessionId: session.id }, { rating: 4, note: PLANTED["check_ins.note"] }), DM);
  await h.run("budi", submit({ type: "checkin", sessionId: session.id }, { rating: 2, note: "BUDI-NOTE secret" }), DM);
  await h.run("ani", submit({ type: "journal.write" }, { text: PLANTED["journal_entries.body"] }), DM);
  await h.run("budi", submit({ type: "journal.write" }, { text: "BUDI-JOURNAL secret" }), DM);
  h.clock.set(new Date(h.clock.now().getTime() + 14 * DAY_MS));
  const evaluation = { type: "evaluation.submit", pairingId, number: 1 } as const;
  await h.run("ani", submit(evaluation, { working: 3, g0: "reached", adjust: "agenda" }), DM);
  await h.run("budi", submit(evaluation, { working: 5, g0: "progressing", adjust: "nothing" }), DM);
  await h.run("ani", submit({ type: "pause" }, { until: "2026-12-25" }), DM);
  await h.run("ani", { type: "calendar.invites", state: "off" }, DM);
  await platformStore(tdb.db.kysely).drafts.create(
    "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f",
    { platform: "console", tenantExternalId: "T1", userId: "ani" },
    {
      form: { title: "Journal", submitLabel: "Save", request: { type: "journal.write" }, inputs: [] },
      answers: { note: "DRAFT-x5 half-written note" },
      language: "en",
    },
    h.clock.now(),
  );
  await h.run(
    "ani",
    submit({ type: "pairing.end", pairingId }, { reason: PLANTED["pairing_endings.reason"], notAFit: true, rematch: false }),
    DM,
  );
  return pairingId;
}

beforeEach(() => {
  h = new Harness(tdb.db);
});

describe("/mentoring mydata", () => {
  it("puts every personal field in the member's file, where the list of personal data says", async () => {
    await everyFieldFilled();
    const reply = await h.text("ani", { type: "data.export" }, DM);
    expect(reply).toMatch(
      /^I’ve sent everything Sebaya holds about you to your DMs: a summary and the file sebaya-mydata-2026-12-16\.json\./,
    );
    const { row, message, json } = await exportRow("ani");
    expect(row.audience_kind).toBe("member");
    // No program on the row: an undeliverable DM is never replaced by a channel message.
    expect(row.program_id).toBeNull();
    expect(message.attachment).toMatchObject({ name: "sebaya-mydata-2026-12-16.json", mime: "application/json" });
    expect(json.format).toBe("sebaya-mydata/1");
    for (const field of PERSONAL_DATA) {
      const name = `${field.table}.${field.column}`;
      if (field.exportPath === null) {
        expect(field.notExported, name).toBeTruthy();
        continue;
      }
      expect(Object.hasOwn(PLANTED, name), `${name} is planted`).toBe(true);
      const found = at(json, field.exportPath);
      expect(
        found.some((v) => holds(v, PLANTED[name])),
        `${name} at ${field.exportPath}: ${JSON.stringify(found)}`,
      ).toBe(true);
    }
  });

  it("holds nothing the partner wrote or answered: their name only", async () => {
    await everyFieldFilled();
    await h.run("ani", { type: "data.export" }, DM);
    const { message, json } = await exportRow("ani");
    const everything = JSON.stringify(message);
    expect(everything).not.toMatch(/BUDI-|secret/);
    expect(at(json, "pairings[].partners")).toEqual([["Budi"]]);
    // Budi's own export has his and none of Ani's private text.
    await h.run("budi", { type: "data.export" }, DM);
    const budi = JSON.stringify((await exportRow("budi")).message);
    expect(budi).toContain("BUDI-NOTE secret");
    expect(budi).toContain("BUDI-JOURNAL secret");
    for (const planted of ["JOURNAL-k7", "NOTE-m2", "REASON-p9", "DRAFT-x5", "Cici", "EXPERTISE-q1"])
      expect(budi).not.toContain(planted);
  });

  it("summarises in the member's language, member text left for the renderer to escape", async () => {
    await everyFieldFilled();
    await h.run("ani", { type: "data.export" }, DM);
    const en = messageText((await exportRow("ani")).message);
    expect(en).toContain("Your data in Sebaya");
    expect(en).toContain("Team: TEAM-q4 <@U999> @everyone");
    expect(en).toContain("Expertise you can share: EXPERTISE-q1 origami");
    expect(en).toContain(
      "Rounds joined: 1 · Pairings: 1 · Sessions: 2 · Your check-ins: 1 · Your evaluations: 1 · Pairings you ended: 1 · Journal notes: 1",
    );
    expect(en).toContain("Paired with: Budi");
    expect(en).toContain("You asked never to be paired with: Cici");
    expect(en).toContain("/mentoring mydata sends you everything");
    // Slack shows what she typed, never a mention of it.
    const slack = JSON.stringify(renderSlack((await exportRow("ani")).message));
    expect(slack).not.toContain("<@U999>");
    expect(slack).toContain("&lt;@U999&gt;");

    expect(await h.text("budi", { type: "data.export" }, DM)).toContain("sudah saya kirim lewat DM");
    const id = messageText((await exportRow("budi")).message);
    expect(id).toContain("Data Anda di Sebaya");
    expect(id).toContain("Pernah berpasangan dengan: Ani");
    expect(id).toContain("Cerita sesi Anda: 1");
    expect(id).toContain("Soal privasi:");
  });

  it("the Indonesian word asks for the same", async () => {
    await h.openProgram();
    await h.join("ani");
    const { commandFromText } = await import("../../src/core/commands/slash");
    expect(commandFromText("datasaya")).toEqual({ type: "data.export" });
    expect(commandFromText("mydata")).toEqual({ type: "data.export" });
    await h.run("ani", commandFromText("datasaya"), DM);
    expect((await exportRow("ani")).json.member).toMatchObject({ displayName: "Ani" });
  });

  it("gives a member of another workspace none of it, though their user id is the same", async () => {
    await everyFieldFilled();
    const reply = await h.core.execute({
      actor: { platform: "console", tenantId: "T2", space: "T2", userId: "ani", displayName: "Ani", locale: "en-US" },
      command: { type: "data.export" },
    });
    expect(reply.messages).toHaveLength(1);
    const rows = await tdb.db.kysely
      .selectFrom("outbox")
      .innerJoin("tenants", "tenants.id", "outbox.tenant_id")
      .select(["outbox.message"])
      .where("tenants.external_id", "=", "T2")
      .execute();
    expect(rows).toHaveLength(1);
    const other = JSON.stringify(rows[0]?.message);
    for (const planted of ["JOURNAL-k7", "NOTE-m2", "REASON-p9", "DRAFT-x5", "Cici", "EXPERTISE-q1", "Budi", "Sahabat"])
      expect(other).not.toContain(planted);
    const json = JSON.parse(fileText(rows[0]?.message as Message | undefined) ?? "{}") as Record<string, unknown[]>;
    for (const list of ["programs", "enrollments", "pairings", "journal", "avoiding", "drafts"]) expect(json[list]).toEqual([]);
  });

  it("is never shown in a channel when the member's DMs are closed", async () => {
    await everyFieldFilled();
    await h.run("ani", { type: "data.export" }, DM);
    const before = (await h.outbox()).length;
    const sent: string[] = [];
    const dispatcher = new Dispatcher(
      tdb.db.kysely,
      {
        async send(out) {
          sent.push(out.key);
          if (out.key.startsWith("mydata:")) throw new DeliveryFailure("dm-closed", "cannot_dm_bot");
          return { platformMessageId: "x" };
        },
      },
      h.clock,
      { worker: "test" },
    );
    await dispatcher.dispatchPending();
    expect(sent.some((k) => k.startsWith("mydata:"))).toBe(true);
    const after = await h.outbox();
    expect(after).toHaveLength(before);
    expect(after.filter((r) => r.audience_kind === "channel" && r.text.includes("Ani"))).toEqual([]);
    expect(after.some((r) => r.audience_kind !== "member" && JSON.stringify(r.message).includes("attachment"))).toBe(false);
    // Failed, the row keeps no copy of the file either.
    expect(after.filter((r) => JSON.stringify(r.message).includes("attachment"))).toEqual([]);
  });
});
