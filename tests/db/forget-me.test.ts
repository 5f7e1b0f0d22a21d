/**
 * Issue 16, item 2: `/mentoring forget-me`. Unique text is planted in every
 * field a member can write, through the commands they would use; after the
 * erasure a dump of every table (each row cast to text, every table the
 * database has) holds none of it, while the partner's history still shows
 * the pairing, with a placeholder in the member's place.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import type { CommandInput } from "../../src/core/commands/command";
import type { Reply } from "../../src/core/messages/message";
import { PERSONAL_DATA } from "../../src/core/privacy/personal-data";
import { platformStore } from "../../src/store/platform/platform-store";
import { CHANNEL, Harness, replyText, submit } from "../support/harness";
import { dumpEverything } from "../support/table-dump";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;
const DAY = 24 * 60 * 60 * 1000;

/** One token per field a member writes; each is searched for in the dump. */
const PLANTED = {
  userId: "zqxuserid",
  name: "Zqxname Plantedperson",
  expertise: "zqxexpertise craft",
  goal: "zqxgoal skill",
  interest: "zqxinterest hobby",
  team: "Zqxteam Squad",
  journal: "zqxjournal my private thoughts",
  note: "zqxcheckin note about the session",
  reason: "zqxendreason it was not working",
  draft: "zqxdraft half written answer",
};

/** The planted member acts as the platform would send them: their own user id and display name. */
function asPlanted(command: CommandInput | Record<string, unknown>, opts: { channel?: string | null } = {}): Promise<Reply> {
  const channel = opts.channel === undefined ? CHANNEL : opts.channel;
  return h.core.execute({
    actor: {
      platform: "console",
      tenantId: "T1",
      space: "T1",
      userId: PLANTED.userId,
      displayName: PLANTED.name,
      locale: "en-US",
    },
    ...(channel ? { channelId: channel } : {}),
    command,
  });
}

/** Every row of every table, as text, sealed private values opened (tests/support/table-dump.ts). */
async function dump(): Promise<string> {
  const text = await dumpEverything(tdb.db.kysely);
  expect(text.split("\n").filter((l) => /^[a-z_]+: /.test(l)).length).toBeGreaterThan(20);
  return text;
}

const memberId = async (externalId: string) =>
  (await tdb.db.kysely.selectFrom("members").select("id").where("external_id", "=", externalId).executeTakeFirstOrThrow()).id;

/** The planted member joins round 1 with every intake answer planted. */
async function joinPlanted() {
  const joined = await asPlanted(
    submit(
      { type: "round.join" },
      {
        expertise: [PLANTED.expertise],
        goals: [PLANTED.goal],
        interests: [PLANTED.interest],
        team: PLANTED.team,
        timezone: "Asia/Jakarta",
        language: "en",
        partnersWanted: 1,
        confirmed: true,
      },
    ),
  );
  expect(replyText(joined)).toContain("You’re in round 1");
}

/**
 * Planted everywhere: profile, name, organizer role, check-in, evaluation, journal, avoid lists
 * (both ways), an ending's reason, a draft. Four join, so the planted member's re-match after the
 * ending makes the other pair a trio: that is the pairing they are in when they erase.
 */
async function plantEverything(): Promise<{ firstPairing: string; secondPairing: string; firstPeer: string }> {
  await h.openProgram();
  await joinPlanted();
  for (const p of ["budi", "carl", "fay"]) await h.join(p);
  await h.run("olga", { type: "round.match" });
  await h.run("olga", { type: "program.organizer", userId: PLANTED.userId });
  const firstPairing = (await h.pairingsOf(PLANTED.userId))[0] as string;
  const firstPeer = (await h.membersOf(firstPairing)).find((m) => m !== PLANTED.userId) as string;
  // A routine, a session held, a private check-in note.
  await asPlanted(
    submit({ type: "cadence.propose", pairingId: firstPairing }, { everyDays: 14, minutes: 60, weekday: 3, time: "10:00" }),
    DM,
  );
  await h.run(firstPeer, { type: "cadence.confirm", pairingId: firstPairing }, DM);
  h.clock.advance(9 * DAY);
  const session = await tdb.db.kysely
    .selectFrom("sessions")
    .select("id")
    .where("pairing_id", "=", firstPairing)
    .where("number", "=", 1)
    .executeTakeFirstOrThrow();
  expect(
    replyText(await asPlanted(submit({ type: "checkin", sessionId: session.id }, { rating: 2, note: PLANTED.note }), DM)),
  ).not.toContain("didn’t look right");
  await h.run(firstPeer, submit({ type: "checkin", sessionId: session.id }, { rating: 5 }), DM);
  await asPlanted(submit({ type: "journal.write" }, { text: PLANTED.journal }), DM);
  await asPlanted({ type: "calendar.invites", state: "off" }, DM);
  h.clock.advance(6 * DAY);
  const evaluated = await asPlanted(
    submit({ type: "evaluation.submit", pairingId: firstPairing, number: 1 }, { working: 2, g0: "reached", adjust: "agenda" }),
    DM,
  );
  expect(replyText(evaluated)).not.toContain("didn’t look right");
  // Two people of the workspace: one the planted member avoids, one who avoids them.
  for (const p of ["dewi", "eko"]) await h.run(p, { type: "status" }, DM);
  await asPlanted({ type: "member.avoid", userId: "dewi" }, DM);
  await h.run("eko", { type: "member.avoid", userId: PLANTED.userId }, DM);
  // The first pairing ends with a private reason; the re-match makes the other pair a trio.
  await asPlanted(submit({ type: "pairing.end", pairingId: firstPairing }, { reason: PLANTED.reason, rematch: true }), DM);
  const secondPairing = (await h.pairingsOf(PLANTED.userId))[0] as string;
  expect(await h.membersOf(secondPairing)).toHaveLength(3);
  // A form half filled in on a platform: its draft waits for the next step.
  await platformStore(tdb.db.kysely).drafts.create(
    randomUUID(),
    { platform: "console", tenantExternalId: "T1", userId: PLANTED.userId },
    {
      form: { title: "Journal", submitLabel: "Save", request: { type: "journal.write" }, inputs: [] },
      answers: { text: PLANTED.draft },
      language: "en",
    },
    h.clock.now(),
  );
  // Everything planted is there before the erasure (so the test below can fail).
  const before = await dump();
  for (const [field, token] of Object.entries(PLANTED)) expect(before, field).toContain(token.toLowerCase());
  return { firstPairing, secondPairing, firstPeer };
}

const forget = () => asPlanted(submit({ type: "member.forget" }, { confirm: "yes" }), DM);

beforeEach(() => {
  h = new Harness(tdb.db);
});

describe("forget-me", () => {
  it("ends a current pairing as any ending does: the peer told kindly, without a name, and offered a re-match", async () => {
    await h.openProgram();
    await joinPlanted();
    await h.join("budi");
    await h.run("olga", { type: "round.match" });
    const pairing = (await h.pairingsOf("budi"))[0] as string;
    expect(replyText(await forget())).toContain("your pairing has ended kindly");
    const status = await tdb.db.kysely
      .selectFrom("pairings")
      .select("status")
      .where("id", "=", pairing)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe("ended");
    const toBudi = (await h.outbox()).filter((r) => r.member === "budi" && r.idempotency_key.startsWith(`ended:${pairing}`));
    expect(toBudi.map((r) => r.text)).toEqual([
      "Your peer has left Sebaya, so this pairing has ended. Thank you for the time you shared.\nWould you like to be matched with someone new?\n[Match me with someone new]",
    ]);
    // The intro Budi has not been sent yet named them: it is not sent any more.
    expect((await h.outbox()).map((r) => r.text).join("\n")).not.toContain("Zqxname");
    expect(replyText(await h.run("budi", { type: "rematch.request", pairingId: pairing }, DM))).not.toContain(
      "didn’t look right",
    );
  });

  it("asks first, in a form that says what goes and what stays, confirmed by one required answer", async () => {
    await h.openProgram();
    const asked = await asPlanted({ type: "member.forget" }, DM);
    expect(asked.form?.request).toEqual({ type: "member.forget" });
    expect(asked.form?.intro).toContain("Former member");
    expect(asked.form?.inputs).toEqual([
      expect.objectContaining({
        name: "confirm",
        kind: "select",
        required: true,
        options: [{ label: "Yes, erase my data", value: "yes" }],
      }),
    ]);
    // Nothing but the confirmation erases: the form unanswered, or answered otherwise, is refused.
    expect(replyText(await asPlanted(submit({ type: "member.forget" }, {}), DM))).toContain("didn’t look right");
    expect(replyText(await asPlanted(submit({ type: "member.forget" }, { confirm: "no" }), DM))).toContain("didn’t look right");
    // The words: English and Indonesian.
    expect((await asPlanted({ type: "member.forget" }, DM)).form).toBeDefined();
  });

  /** Columns that cannot be empty: erasing puts back the value that says nothing about anyone. */
  const NEUTRAL: Record<string, string> = { "pairing_endings.not_a_fit": "false", "enrollments.partners_wanted": "1" };
  it("covers every field the privacy notice says forget-me erases (src/core/privacy/personal-data.ts)", async () => {
    await plantEverything();
    const erasedId = await memberId(PLANTED.userId);
    await forget();
    const db = tdb.db.kysely;
    const fields = PERSONAL_DATA.filter((f) => f.erase);
    expect(fields.length).toBeGreaterThan(10);
    for (const f of fields) {
      const where = `${f.table}.${f.column}`;
      if (f.table === "members") {
        // The row stays only as the anonymous placeholder, unlinked from the platform user.
        const row = await sql<{ value: unknown; external_id: string }>`
          select ${sql.ref(f.column)} as value, external_id from members where id = ${erasedId}`.execute(db);
        for (const r of row.rows) {
          expect(r.external_id, where).toBe(`erased:${erasedId}`);
          expect(r.value === null || r.value === "Former member", where).toBe(true);
        }
      } else if (f.table === "pairing_members") {
        // Others' history keeps the place, held by the placeholder row above.
        const { rows } = await sql<{ external_id: string }>`
          select m.external_id from pairing_members pm join members m on m.id = pm.member_id where pm.member_id = ${erasedId}`.execute(
          db,
        );
        for (const r of rows) expect(r.external_id, where).toBe(`erased:${erasedId}`);
      } else if (f.table === "form_drafts") {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from form_drafts`.execute(db);
        expect(rows[0]?.n, where).toBe(0);
      } else if (f.table === "outbox") {
        // Delivered rows keep their record with the content blanked; none quotes the member.
        const { rows } = await sql<{ message: unknown }>`select message from outbox where member_id = ${erasedId}`.execute(db);
        for (const r of rows) expect(JSON.stringify(r.message).toLowerCase(), where).not.toContain(PLANTED.name.toLowerCase());
      } else {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(f.table)}
          where member_id = ${erasedId} and ${sql.ref(f.column)} is not null
            and ${sql.ref(f.column)}::text <> ${NEUTRAL[where] ?? ""}`.execute(db);
        expect(rows[0]?.n, where).toBe(0);
      }
    }
  });

  it("leaves none of what the member wrote in any table, and a placeholder in their partners' history", async () => {
    const { firstPairing, secondPairing, firstPeer } = await plantEverything();
    const erasedId = await memberId(PLANTED.userId);
    const counts = async () => ({
      enrollments: await h.count("enrollments"),
      pairings: await h.count("pairings"),
      sessions: await h.count("sessions"),
      endings: await h.count("pairing_endings"),
    });
    const before = await counts();

    const done = replyText(await forget());
    expect(done).toBe(
      "Done: what Sebaya kept about you is erased, and your pairing has ended kindly. Thank you for taking part. You’re welcome back any time, starting afresh.",
    );

    const after = await dump();
    for (const [field, token] of Object.entries(PLANTED)) expect(after, field).not.toContain(token.toLowerCase());
    // The rows that held ids only: gone too.
    const db = tdb.db.kysely;
    expect(await db.selectFrom("do_not_pair").selectAll().execute()).toEqual([]);
    expect(await db.selectFrom("evaluations").selectAll().where("member_id", "=", erasedId).execute()).toEqual([]);
    expect(await db.selectFrom("check_ins").selectAll().where("member_id", "=", erasedId).execute()).toEqual([]);
    expect(await db.selectFrom("program_organizers").selectAll().where("member_id", "=", erasedId).execute()).toEqual([]);
    expect(await db.selectFrom("profiles").selectAll().where("member_id", "=", erasedId).execute()).toEqual([]);

    // The first peer's history: the pairing, both places in it, the erased one as "Former member", unlinked.
    const history = await db
      .selectFrom("pairing_members as pm")
      .innerJoin("members as m", "m.id", "pm.member_id")
      .select(["m.display_name", "m.external_id"])
      .where("pm.pairing_id", "=", firstPairing)
      .orderBy("m.display_name")
      .execute();
    expect(history).toHaveLength(2);
    expect(history).toContainEqual({ display_name: "Former member", external_id: `erased:${erasedId}` });
    expect(history).toContainEqual({
      display_name: firstPeer.charAt(0).toUpperCase() + firstPeer.slice(1),
      external_id: firstPeer,
    });
    // The trio they were in goes on as a pair, told kindly without a name.
    expect(await h.membersOf(secondPairing)).toHaveLength(2);
    const toTrio = (await h.outbox()).filter((r) => r.idempotency_key === `left:${secondPairing}:${erasedId}`);
    expect(toTrio.map((r) => r.text)).toEqual(["Someone in your group has left Sebaya. The rest of you continue together."]);
    // Counts stay: enrollments (as left), pairings, sessions; the endings gain the one erasing made.
    expect(await counts()).toEqual({ ...before, endings: before.endings + 1 });
    expect(
      (await db.selectFrom("enrollments").select("status").where("member_id", "=", erasedId).execute()).map((r) => r.status),
    ).toEqual(["left"]);
  });

  it("does nothing twice when submitted again, and whoever comes back starts afresh", async () => {
    await plantEverything();
    await forget();
    const members = await h.count("members");
    const outbox = await h.count("outbox");
    const again = replyText(await forget());
    expect(again).toContain("Done: what Sebaya kept about you is erased.");
    expect(await h.count("members")).toBe(members);
    expect(await h.count("outbox")).toBe(outbox);
    // Back again: a new member, not enrolled, no profile, no notes.
    expect(replyText(await asPlanted({ type: "status" }, DM))).toContain("You’re not in a round");
    expect(replyText(await asPlanted({ type: "journal.read" }, DM))).not.toContain("zqx");
  });

  it("is offered when leaving a round, as a hint and a button that opens the form", async () => {
    await h.openProgram();
    await h.join("ani");
    const left = await h.run("ani", { type: "round.leave", confirm: true });
    const text = replyText(left);
    expect(text).toContain("/mentoring forget-me");
    const button = left.messages.flatMap((m) => m.blocks).flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(button).toEqual([
      expect.objectContaining({ label: "Erase my data…", action: { kind: "form", request: { type: "member.forget" } } }),
    ]);
  });
});
