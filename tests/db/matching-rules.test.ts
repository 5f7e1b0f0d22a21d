/** The matching rules that live in the database: not-a-good-fit, do-not-pair, fairness, per-program weights. */
import { beforeEach, describe, expect, it } from "vitest";
import { Harness, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
let h: Harness;
const DM = { channel: null } as const;

beforeEach(() => {
  h = new Harness(tdb.db);
});

const pairsOfRound = async (number: number) => {
  const rows = await tdb.db.kysely
    .selectFrom("pairings as p")
    .innerJoin("rounds as r", "r.id", "p.round_id")
    .select("p.id")
    .where("r.number", "=", number)
    .execute();
  return Promise.all(rows.map(async (r) => (await h.membersOf(r.id)).sort().join("+")));
};

async function nextRound(people: string[], intake: Parameters<Harness["join"]>[1] = {}) {
  await h.run("olga", { type: "round.close" });
  await h.run("olga", { type: "round.open" });
  for (const p of people) await h.join(p, intake);
}

describe("hard exclusions", () => {
  it("a pairing ended as 'not a good fit' is never repeated, even when it would score best", async () => {
    await h.openProgram();
    // Ani and Budi are each other's perfect fit; Citra and Dewi fit nobody.
    await h.join("ani", { expertise: ["sql"], goals: ["design"], team: "A" });
    await h.join("budi", { expertise: ["design"], goals: ["sql"], team: "B" });
    await h.run("olga", { type: "round.match" });
    const [pairingId] = await h.pairingsOf("ani");
    await h.run("ani", submit({ type: "pairing.end", pairingId }, { notAFit: true, rematch: false }), DM);
    await nextRound(["ani", "budi"], {});
    await h.join("citra", { expertise: ["knitting"], goals: ["chess"] });
    await h.join("dewi", { expertise: ["pottery"], goals: ["golf"] });
    await h.run("olga", { type: "round.match" });
    const round2 = await pairsOfRound(2);
    expect(round2).toHaveLength(2);
    expect(round2).not.toContain("ani+budi");
  });

  it("'do not pair me with' is private and keeps two people apart", async () => {
    await h.openProgram();
    for (const p of ["ani", "budi"]) await h.join(p);
    await h.run("budi", { type: "help" }, DM); // Budi is known to the bot
    expect(await h.text("ani", { type: "member.avoid", userId: "budi" }, DM)).toContain(
      "Noted, privately: you won’t be matched with Budi.",
    );
    expect(await h.text("ani", { type: "member.avoid", userId: "nobody" }, DM)).toContain("I don’t know that person yet.");
    expect(await h.text("ani", { type: "member.avoid", userId: "ani" }, DM)).toContain("You can’t avoid yourself.");
    const outbox = await h.count("outbox");
    await h.run("olga", { type: "round.match" });
    expect(await h.count("pairings")).toBe(0);
    // Both are told, kindly, why nobody was found; Budi never learns who asked.
    const told = (await h.outbox()).slice(outbox).filter((r) => r.audience_kind === "member");
    expect(told.map((r) => r.member).sort()).toEqual(["ani", "budi"]);
    for (const r of told) {
      expect(r.text).toContain("I couldn’t find you a peer in this matching run");
      expect(r.text).not.toContain("Ani");
    }
  });
});

describe("nobody can tell who asked not to be paired with whom", () => {
  /** Ani and Budi alone in a round, `who` having asked never to be paired with `whom`. */
  async function twoApart(who: string, whom: string, language: "en" | "id") {
    await tdb.reset();
    h = new Harness(tdb.db);
    await h.openProgram({ language });
    for (const p of ["ani", "budi"]) await h.join(p, { language });
    await h.run(who, { type: "member.avoid", userId: whom }, DM);
    const organizer = { locale: language === "id" ? "id-ID" : "en-US" };
    const preview = await h.text("olga", { type: "round.match", dryRun: true }, organizer);
    const before = await h.count("outbox");
    await h.run("olga", { type: "round.match" }, organizer);
    const told = (await h.outbox()).slice(before).filter((r) => r.audience_kind === "member");
    return {
      preview,
      ani: told.find((r) => r.member === "ani")?.text,
      budi: told.find((r) => r.member === "budi")?.text,
    };
  }

  it.each([
    [
      "en",
      "I couldn’t find you a peer in this matching run. You stay on the list, and I’ll introduce you as soon as someone fits.",
      "Not matched this time: Ani, Budi. That can be an odd number of people, or no one left they can be paired with this round.",
    ],
    [
      "id",
      "Kali ini saya belum menemukan rekan untuk Anda. Anda tetap ada di daftar, dan saya akan mengenalkan Anda begitu ada yang cocok.",
      "Belum dapat rekan kali ini: Ani, Budi. Bisa karena jumlah peserta ganjil, atau karena tidak ada lagi yang bisa dipasangkan dengan mereka di putaran ini.",
    ],
  ] as const)(
    "(%s) both are told the same plain words, whichever asked, and the dry run names them neutrally",
    async (language, told, preview) => {
      const aniAsked = await twoApart("ani", "budi", language);
      const budiAsked = await twoApart("budi", "ani", language);
      // Nothing anyone sees depends on who asked: not the words to either of them, not the organizer's preview.
      expect(budiAsked).toEqual(aniAsked);
      // Each is told what anyone left out is told, with no reason that points at an exclusion.
      expect(aniAsked.ani).toBe(told);
      expect(aniAsked.budi).toBe(told);
      expect(aniAsked.preview).toContain(preview);
    },
  );

  it("someone left out beside others who were matched is told the same words", async () => {
    await h.openProgram();
    for (const p of ["ani", "budi", "citra"]) await h.join(p);
    await h.run("budi", { type: "help" }, DM);
    await h.run("ani", { type: "member.avoid", userId: "budi" }, DM);
    const before = await h.count("outbox");
    await h.run("olga", { type: "round.match" });
    // Citra is paired with one of them; the other cannot join them as a trio.
    expect(await h.count("pairings")).toBe(1);
    const told = (await h.outbox()).slice(before).filter((r) => r.audience_kind === "member");
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toBe(
      "I couldn’t find you a peer in this matching run. You stay on the list, and I’ll introduce you as soon as someone fits.",
    );
  });
});

describe("fairness", () => {
  it("whoever was in last round's trio is not put in this round's trio", async () => {
    const same = { expertise: ["sql"], goals: ["sql"], team: "same" };
    await h.openProgram();
    for (const p of ["ani", "budi", "citra"]) await h.join(p, same);
    await h.run("olga", { type: "round.match" });
    expect(await pairsOfRound(1)).toEqual(["ani+budi+citra"]);
    // Round 2: Ani (owed) and four newcomers, all alike: Ani must not be the one in a trio again.
    await nextRound(["ani", "dewi", "eko", "fajar", "gita"], same);
    await h.run("olga", { type: "round.match" });
    const trio = (await pairsOfRound(2)).find((g) => g.split("+").length === 3);
    expect(trio).toBeDefined();
    expect(trio?.split("+")).not.toContain("ani");
  });
});

describe("per-program weights", () => {
  it("organizers see and change them, validated; members cannot", async () => {
    await h.openProgram();
    expect(await h.text("olga", { type: "program.weights" })).toContain("teamPolicy=different");
    expect(await h.text("olga", { type: "program.weights", weights: { teamPolicy: "same", goal: 4 } })).toContain("goal=4");
    expect(await h.text("olga", { type: "program.weights" })).toContain("teamPolicy=same");
    expect(await h.text("olga", { type: "program.weights", weights: { goal: 99 } })).toContain("nothing was changed");
    expect(await h.text("olga", { type: "program.weights" })).toContain("goal=4");
    expect(await h.text("ani", { type: "program.weights", weights: { goal: 1 } })).toContain("Only the program’s organizers");
  });

  it("change who is matched: preferring the same team pairs teammates", async () => {
    await h.openProgram();
    await h.run("olga", { type: "program.weights", weights: { teamPolicy: "same", team: 10 } });
    for (const [p, team] of [
      ["ani", "red"],
      ["budi", "blue"],
      ["citra", "red"],
      ["dewi", "blue"],
    ] as const)
      await h.join(p, { team });
    await h.run("olga", { type: "round.match" });
    expect((await pairsOfRound(1)).sort()).toEqual(["ani+citra", "budi+dewi"]);
  });
});

describe("a round replays exactly from its stored seed", () => {
  it("the dry run proposes what the real run then makes", async () => {
    await h.openProgram();
    for (const p of ["a1", "a2", "a3", "a4", "a5", "a6"]) await h.join(p, { expertise: ["sql"], goals: ["sql"], team: "t" });
    const preview = await h.text("olga", { type: "round.match", dryRun: true });
    await h.run("olga", { type: "round.match" });
    for (const g of await pairsOfRound(1)) {
      const names = g
        .split("+")
        .map((p) => p[0]?.toUpperCase() + p.slice(1))
        .join(" + ");
      const reversed = names.split(" + ").reverse().join(" + ");
      expect(preview.includes(names) || preview.includes(reversed)).toBe(true);
    }
  });
});
