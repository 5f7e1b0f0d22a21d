/**
 * Organizer commands typed in the playground as an organizer would (issue 12,
 * item 15): weights named in the organizer's language with each range
 * explained, a sentence saying what is expected for a bad weight or bad
 * contact hours, and people named the way the help writes them.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ConsoleWorkspace, type Person } from "../../src/adapters/console/app";
import { createAppCore, playgroundStore } from "../../src/app";
import { ManualClock } from "../../src/core/time/clock";
import { useTestDb } from "../support/test-db";

const tdb = useTestDb();
const SARI: Person = { id: "sari", name: "Sari", locale: "id-ID", timezone: "Asia/Jakarta", admin: true };
const OLIVIA: Person = { id: "olivia", name: "Olivia", locale: "en-US", timezone: "Asia/Jakarta", admin: true };
const ANI: Person = { id: "ani", name: "Ani", locale: "id-ID", timezone: "Asia/Makassar" };
const BUDI: Person = { id: "budi", name: "Budi", locale: "id-ID", timezone: "Asia/Jakarta" };
let ws: ConsoleWorkspace;

beforeEach(() => {
  const clock = new ManualClock(new Date("2026-12-01T02:00:00Z"));
  ws = new ConsoleWorkspace(createAppCore({ db: tdb.db, clock }), playgroundStore(tdb.db.kysely), clock, [
    SARI,
    OLIVIA,
    ANI,
    BUDI,
  ]);
});

/** What `who` saw in answer to the line they typed: their newest private reply. */
async function answer(who: Person, line: string): Promise<string> {
  await ws.type(who.id, line);
  const replies = ws.view(who.id, { since: 0 }).filter((e) => e.where === "reply");
  return replies.at(-1)?.text ?? "";
}

async function organizers(): Promise<string[]> {
  const rows = await tdb.db.kysely
    .selectFrom("program_organizers as o")
    .innerJoin("members as m", "m.id", "o.member_id")
    .select("m.external_id")
    .orderBy("m.external_id")
    .execute();
  return rows.map((r) => r.external_id);
}

describe("matching weights", () => {
  it("are listed in the organizer's language, each with its range and what it does", async () => {
    await ws.type(SARI.id, "/mentoring setup Sahabat Belajar");
    const shown = await answer(SARI, "/mentoring bobot");
    expect(shown).toContain("• minat=1 (0 sampai 20): poin untuk tiap minat yang sama");
    expect(shown).toContain("• aturan-tim=beda (beda, sama atau bebas)");
    expect(shown).toContain("• tanpa-irisan=10 (0 sampai 100)");
    // None of the schema's English keys is shown to an Indonesian organizer.
    for (const key of ["goal=", "twoWay", "noOverlap", "teamPolicy", "workdayStart"]) expect(shown).not.toContain(key);
    // Every line explains its weight.
    const lines = shown.split("\n").filter((l) => l.startsWith("• "));
    expect(lines).toHaveLength(11);
    for (const l of lines) expect(l).toMatch(/^• [a-z-]+=\S+ \([^)]+\): \S.+$/);

    // What is shown can be typed back, in either language.
    const changed = await answer(SARI, "/mentoring bobot minat=3 aturan-tim=sama");
    expect(changed).toContain("• minat=3 (0 sampai 20)");
    expect(changed).toContain("• aturan-tim=sama");
  });

  it("a bad value or an unknown name gets a sentence saying what is expected, and changes nothing", async () => {
    await ws.type(SARI.id, "/mentoring setup Sahabat Belajar");
    const bad = await answer(SARI, "/mentoring bobot minat=abc");
    expect(bad).toContain("Bobot minat diisi angka dari 0 sampai 20, misalnya minat=2.");
    expect(bad).not.toContain("tidak diharapkan");
    const unknown = await answer(SARI, "/mentoring bobot minta=2");
    expect(unknown).toContain("Tidak ada bobot bernama “minta”. Bobot yang ada: tujuan, dua-arah, minat,");
    expect(await answer(SARI, "/mentoring bobot")).toContain("• minat=1 ");
  });

  it("in English, too", async () => {
    await ws.type(OLIVIA.id, "/mentoring setup Coffee Club");
    const shown = await answer(OLIVIA, "/mentoring weights");
    expect(shown).toContain("• interest=1 (0 to 20): points for each interest they share");
    expect(await answer(OLIVIA, "/mentoring weights interest=abc")).toContain(
      "interest takes a number from 0 to 20, for example interest=2.",
    );
    expect(await answer(OLIVIA, "/mentoring weights teamPolicy=odd")).toContain(
      "teamPolicy is different, same or either, for example teamPolicy=different.",
    );
  });
});

describe("contact hours", () => {
  it("out of range: one clear sentence per part, never “Perintah maksimal 23.”", async () => {
    await ws.type(SARI.id, "/mentoring setup Sahabat Belajar");
    const text = await answer(SARI, "/mentoring jam 25-3 9");
    expect(text).toContain("Jam mulai diisi angka bulat dari 0 sampai 23, seperti angka 8 pada 8-20.");
    expect(text).toContain("Hari ditulis dengan angka 1 (Senin) sampai 7 (Minggu), misalnya 1-5 untuk Senin sampai Jumat.");
    expect(text).not.toContain("Perintah");
    const until = await answer(SARI, "/mentoring jam 8-30");
    expect(until).toContain("Jam selesai diisi angka bulat dari 1 sampai 24, seperti angka 20 pada 8-20.");
    expect(until).not.toContain("Rehat");
  });
});

describe("sharing the organizing", () => {
  it("takes @Name as the help writes it, a plain name of someone known here, and refuses a stranger clearly", async () => {
    await ws.type(SARI.id, "/mentoring setup Sahabat Belajar");
    // "@Budi", picked as a mention: works even before Budi has used the bot.
    expect(await answer(SARI, "/mentoring organizer @Budi")).toContain("@Budi sekarang ikut menyelenggarakan “Sahabat Belajar”.");
    // A plain name nobody here goes by: said plainly, nobody made an organizer.
    const stranger = await answer(SARI, "/mentoring penyelenggara wulan");
    expect(stranger).toContain("Saya belum kenal orang bernama “wulan” di sini");
    expect(stranger).not.toContain("<@");
    // Ani has used the bot: her name as it shows works, in any case.
    await ws.type(ANI.id, "/mentoring status");
    expect(await answer(SARI, "/mentoring organizer ani")).toContain("@Ani sekarang ikut menyelenggarakan");
    expect(await organizers()).toEqual(["ani", "budi", "sari"]);
    // Nobody named at all.
    expect(await answer(SARI, "/mentoring organizer")).toContain("Sebutkan orangnya: mention dia (@nama)");
  });
});

describe("changing one weight", () => {
  it("keeps the others as they were", async () => {
    await ws.type(SARI.id, "/mentoring setup Sahabat Belajar");
    await ws.type(SARI.id, "/mentoring bobot minat=3");
    const after = await answer(SARI, "/mentoring bobot tujuan=5");
    expect(after).toContain("• tujuan=5 ");
    expect(after).toContain("• minat=3 ");
  });
});
