/**
 * Issue 13, item 3: profiles that last. `/mentoring profile` shows a member
 * their own saved profile with an Edit button; Edit opens the intake's fields
 * filled in as saved; the answers replace the profile (and the member's zone)
 * and nothing of the round; the next round's intake starts from it. Driven
 * through the normal command path: typed words, the buttons the replies
 * carry, submitted forms.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { FormRequest } from "../../src/core/commands/command";
import { commandFromText } from "../../src/core/commands/slash";
import { translator } from "../../src/core/i18n/translate";
import type { Form, Reply } from "../../src/core/messages/message";
import { Harness, replyText, submit } from "../support/harness";
import { stateDigest } from "../support/state-digest";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const en = translator("en");
const id = translator("id");
const DM = { channel: null } as const;

beforeEach(() => {
  h = new Harness(tdb.db);
});

/** The form request on the reply's button so labelled (a member presses what they see). */
function formButton(reply: Reply, label: string): FormRequest {
  for (const m of reply.messages)
    for (const b of m.blocks)
      if (b.type === "actions")
        for (const e of b.elements)
          if (e.type === "button" && e.label === label && e.action.kind === "form") return e.action.request;
  throw new Error(`no form button "${label}" in ${replyText(reply)}`);
}

const initials = (form: Form | undefined) => Object.fromEntries((form?.inputs ?? []).map((i) => [i.name, i.initial]));

async function savedProfile(userId: string) {
  return tdb.db.kysely
    .selectFrom("profiles as p")
    .innerJoin("members as m", "m.id", "p.member_id")
    .select(["p.expertise", "p.goals", "p.interests", "p.team", "m.timezone", "m.language"])
    .where("m.external_id", "=", userId)
    .execute();
}

/** Everything a profile edit must leave alone: the round's enrollments and pairings, as rows. */
async function roundRows() {
  const db = tdb.db.kysely;
  return {
    enrollments: await db.selectFrom("enrollments").selectAll().orderBy("id").execute(),
    pairings: await db.selectFrom("pairings").selectAll().orderBy("id").execute(),
    pairingMembers: await db.selectFrom("pairing_members").selectAll().orderBy("pairing_id").orderBy("slot").execute(),
  };
}

describe("/mentoring profile", () => {
  it("shows the member their own profile, in their language, from the channel or a DM, with Edit and the next-round line", async () => {
    await h.openProgram();
    await h.join("ani", { expertise: ["SQL", "Data analysis (Excel, Power BI)"], goals: ["public speaking"], team: "Data" });
    await h.join("budi", { language: "id", timezone: "WITA", team: "Ops", expertise: ["facilitation"], interests: [] });

    const ani = await h.run("ani", commandFromText("profile"));
    const text = replyText(ani);
    expect(text).toContain(en("profile.title", { program: "Sahabat Belajar" }));
    expect(text).toContain(`${en("field.expertise")}: SQL, Data analysis (Excel, Power BI)`);
    expect(text).toContain(`${en("field.goals")}: public speaking`);
    expect(text).toContain(`${en("field.interests")}: coffee`);
    expect(text).toContain(`${en("field.team")}: Data`);
    expect(text).toContain(`${en("field.timezone")}: Asia/Jakarta (WIB)`);
    expect(text).toContain(en("profile.nextRound"));
    expect(formButton(ani, en("profile.editButton"))).toMatchObject({ type: "profile.edit" });

    // The Indonesian word, in a DM, in Budi's own language: his profile, never Ani's.
    const budi = replyText(await h.run("budi", commandFromText("profil"), DM));
    expect(budi).toContain(id("profile.title", { program: "Sahabat Belajar" }));
    expect(budi).toContain(`${id("field.team")}: Ops`);
    expect(budi).toContain(`${id("field.interests")}: ${id("profile.noInterests")}`);
    expect(budi).toContain("Asia/Makassar (WITA)");
    expect(budi).toContain(`${id("field.expertise")}: facilitation`);
    expect(budi).not.toContain("Data");
    expect(budi).not.toContain("public speaking");
  });

  it("without a profile: a friendly word, with the Join button when the round is open and this is its channel", async () => {
    await h.openProgram();
    const here = await h.run("citra", commandFromText("profile"));
    expect(replyText(here)).toContain(en("profile.none", { program: "Sahabat Belajar" }));
    expect(formButton(here, en("round.announce.join", { number: 1 }))).toMatchObject({ type: "round.join" });
    // Pressed, that button opens the intake like any Join.
    const form = await h.run("citra", formButton(here, en("round.announce.join", { number: 1 })));
    expect(form.form?.request.type).toBe("round.join");

    // In a DM, never having joined anything: no program to speak of, no button.
    const dm = await h.run("citra", commandFromText("profile"), DM);
    expect(replyText(dm)).toBe(en("profile.noneAnywhere"));
    expect(dm.messages.flatMap((m) => m.blocks).some((b) => b.type === "actions")).toBe(false);
    // And there is nothing to edit: refused, nothing made.
    const before = await stateDigest(tdb.db);
    expect(await h.text("citra", { type: "profile.edit" }, DM)).toBe(en("refusal.noProfile"));
    expect(
      await h.text("citra", submit({ type: "profile.edit" }, { expertise: "x", goals: "y", team: "z", timezone: "WIB" })),
    ).toBe(en("refusal.noProfile"));
    expect(await stateDigest(tdb.db)).toBe(before);
  });

  it("Edit opens the intake's fields as saved; submitted, it updates the profile and the zone and nothing of the round", async () => {
    const pairingId = await h.matchedPair({ team: "Data" }, { team: "Ops" });
    const shown = await h.run("budi", commandFromText("profil"), DM);
    const opened = await h.run("budi", formButton(shown, id("profile.editButton")), DM);
    expect(opened.form?.title).toBe(id("profile.form.title"));
    expect(initials(opened.form)).toEqual({
      expertise: "public speaking",
      goals: "SQL",
      interests: "coffee",
      team: "Ops",
      timezone: "Asia/Jayapura",
    });
    // Opening the form changed nothing.
    const rows = await roundRows();

    const saved = await h.run(
      "budi",
      submit(opened.form?.request as FormRequest, {
        expertise: "public speaking, facilitation",
        goals: "SQL; dashboards (Looker, Metabase)",
        interests: "",
        team: "Operations",
        timezone: "WITA",
      }),
      DM,
    );
    // Confirmed in Budi's language, with the profile as it is now.
    expect(replyText(saved)).toContain(id("profile.saved", { program: "Sahabat Belajar" }));
    expect(replyText(saved)).toContain(`${id("field.team")}: Operations`);
    expect(await savedProfile("budi")).toEqual([
      {
        expertise: ["public speaking", "facilitation"],
        goals: ["SQL", "dashboards (Looker, Metabase)"],
        interests: [],
        team: "Operations",
        timezone: "Asia/Makassar",
        language: "id",
      },
    ]);
    // The round is as it was: same enrollments, same pairing, still active, with the same people.
    expect(await roundRows()).toEqual(rows);
    expect(await h.pairingsOf("budi")).toEqual([pairingId]);
    // Ani's profile is Ani's.
    expect((await savedProfile("ani"))[0]?.team).toBe("Data");
  });

  it("a bad answer is refused field by field, as the intake refuses it, and changes nothing", async () => {
    await h.openProgram();
    await h.join("ani", { team: "Data" });
    const request = formButton(await h.run("ani", commandFromText("profile")), en("profile.editButton"));
    const before = { digest: await stateDigest(tdb.db), profile: await savedProfile("ani") };
    const tooMany = Array.from({ length: 11 }, (_, i) => `topic ${i}`).join(", ");
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ expertise: tooMany, goals: "SQL", team: "Data", timezone: "WIB" }, "expertise"],
      [{ expertise: "SQL", goals: "SQL", team: "", timezone: "WIB" }, "team"],
      [{ expertise: "SQL", goals: "SQL", team: "Data", timezone: "Mars/Olympus" }, "timezone"],
      [{ expertise: "SQL", goals: "", team: "Data", timezone: "WIB" }, "goals"],
    ];
    for (const [answers, field] of cases) {
      const refused = replyText(await h.run("ani", submit(request, answers)));
      expect(refused, field).toContain(en("error.invalid"));
      // The intake says the very same about the same answer.
      const intake = replyText(
        await h.run("ani", submit({ type: "round.join" }, { ...answers, language: "en", partnersWanted: 1 }), DM),
      );
      expect(refused.split("\n").length, field).toBeGreaterThan(1);
      expect(refused.split("\n").slice(1), field).toEqual(intake.split("\n").slice(1));
    }
    // Something the profile does not keep (the round's number of partners) is refused by name.
    const extra = await h.text(
      "ani",
      submit(request, { expertise: "SQL", goals: "SQL", team: "Data", timezone: "WIB", partnersWanted: 2 }),
    );
    expect(extra).toContain(en("error.invalid"));
    expect(await stateDigest(tdb.db)).toBe(before.digest);
    expect(await savedProfile("ani")).toEqual(before.profile);
  });

  it("the next round's intake starts from the saved (edited) profile, and joining it keeps what was changed", async () => {
    await h.openProgram();
    await h.join("ani", { expertise: ["SQL"], goals: ["design"], interests: ["coffee"], team: "Data", timezone: "WIB" });
    // Before editing, round 1's own form would have started from the intake too: Ani edits between rounds.
    await h.run("olga", { type: "round.close" });
    const request = formButton(await h.run("ani", commandFromText("profile")), en("profile.editButton"));
    await h.run(
      "ani",
      submit(request, { expertise: "SQL, Python", goals: "design", interests: "kopi", team: "Analytics", timezone: "WIT" }),
    );
    await h.run("olga", { type: "round.open" });
    const form = (await h.run("ani", commandFromText("join"))).form;
    expect(form?.request.type).toBe("round.join");
    expect(initials(form)).toMatchObject({
      expertise: "SQL, Python",
      goals: "design",
      interests: "kopi",
      team: "Analytics",
      timezone: "Asia/Jayapura",
    });
    // Someone who never joined gets the empty intake.
    expect(initials((await h.run("citra", commandFromText("join"))).form)).toMatchObject({
      expertise: undefined,
      team: undefined,
    });
    // Submitted as it stands (Enter on every field), round 2 is joined with the profile unchanged.
    const answers = Object.fromEntries(Object.entries(initials(form)).filter(([, v]) => v !== undefined));
    expect(await h.text("ani", submit(form?.request as FormRequest, answers))).toContain(en("join.done", { number: 2 }));
    expect(await savedProfile("ani")).toEqual([
      {
        expertise: ["SQL", "Python"],
        goals: ["design"],
        interests: ["kopi"],
        team: "Analytics",
        timezone: "Asia/Jayapura",
        language: "en",
      },
    ]);
  });

  it("only its owner sees it: another workspace naming the program is refused, and the organizer's report has no profile text", async () => {
    await h.openProgram();
    await h.join("ani", { team: "SECRET-TEAM", expertise: ["SECRET-SKILL"] });
    const request = formButton(await h.run("ani", commandFromText("profile")), en("profile.editButton"));
    const programId = (request as { programId?: string }).programId;
    expect(programId).toBeDefined();
    const before = await stateDigest(tdb.db);
    // Someone of another workspace, even with the same user id and the program's id from a button.
    const elsewhere = (command: Record<string, unknown>) =>
      h.core.execute({
        actor: { platform: "console", tenantId: "T2", space: "T2", userId: "ani", displayName: "Ani", locale: "en-US" },
        command,
      });
    for (const command of [
      { type: "profile.show", programId },
      { type: "profile.edit", programId },
      submit({ type: "profile.edit", programId }, { expertise: "x", goals: "y", team: "z", timezone: "WIB" }),
    ]) {
      const reply = await elsewhere(command);
      expect(replyText(reply)).toBe(en("refusal.notFound"));
      expect(reply.form).toBeUndefined();
    }
    // Their own word finds nothing of T1.
    expect(replyText(await elsewhere(commandFromText("profile")))).toBe(en("profile.noneAnywhere"));
    // In the workspace: Budi naming the program sees and edits only his own (none yet).
    expect(await h.text("budi", { type: "profile.show", programId }, DM)).toBe(
      en("profile.none", { program: "Sahabat Belajar" }),
    );
    expect(await h.text("budi", { type: "profile.edit", programId }, DM)).toBe(en("refusal.noProfile"));
    expect(await stateDigest(tdb.db)).toBe(before);
    // Organizers see figures only (the report's chart, a new outbox row, goes to the organizer's DM).
    expect(await h.text("olga", { type: "program.report" })).not.toMatch(/SECRET/);
    expect((await savedProfile("ani"))[0]?.team).toBe("SECRET-TEAM");
  });

  it("the help lists it, in both languages", async () => {
    await h.openProgram();
    expect(await h.text("ani", commandFromText("help"))).toContain(en("help.profile"));
    expect(await h.text("budi", commandFromText("bantuan"), { locale: "id-ID" })).toContain(id("help.profile"));
  });
});
