/**
 * The Indonesian catalog follows docs/tone-guide.md: a check-in is a story
 * about a session (never a report to the authorities), a journal is a
 * personal note, and the stiff or ambiguous phrases issue 12 quoted are gone.
 */
import { describe, expect, it } from "vitest";
import { en, type MessageKey } from "../../src/core/i18n/en";
import { id } from "../../src/core/i18n/id";
import { translator } from "../../src/core/i18n/translate";

const keys = Object.keys(en) as MessageKey[];
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

/** Words and phrases the tone guide rules out of every Indonesian value. */
const NEVER: Array<[RegExp, string]> = [
  [/\blapor|laporan|melapor/i, "a check-in is “cerita sesi”, the report a “rekap”"],
  [/\bjurnal\b/i, "a journal is “catatan pribadi”"],
  [/terkonfirmasi|mengonfirmasi|dikonfirmasi/i, "“setujui”, not “konfirmasi”"],
  [/menjadwal ulang/i, "“ganti jadwal”"],
  [/pun bisa sekali/i, "“Bertemu online juga tidak masalah.”"],
  [/yang tetap di antara kalian/i, "“apa yang cukup diketahui kalian berdua saja”"],
  [/adalah bagian dari proses/i, "said plainly, not as a slogan"],
  [/tidak valid/i, "“belum benar”"],
  [/\bkamu\b|\baku\b/i, "the bot says “Anda”"],
  [/\buji coba\b/i, "a dry run is “pratinjau”"],
];

describe("the Indonesian catalog follows the tone guide", () => {
  it.each(NEVER)("no value matches %s (%s)", (pattern) => {
    const found = keys.filter((k) => pattern.test(id[k])).map((k) => `${k}: ${id[k]}`);
    expect(found).toEqual([]);
  });

  it("has every English key, with the same placeholders", () => {
    expect(Object.keys(id).sort()).toEqual([...keys].sort());
    const different = keys.filter((k) => placeholders(id[k]).join() !== placeholders(en[k]).join());
    expect(different).toEqual([]);
  });

  it("says the phrases issue 12 quoted the way a colleague would", () => {
    const t = translator("id");
    expect(t("round.announce.body", { weeks: 12 })).toContain("Bertemu online juga tidak masalah.");
    expect(t("status.checkinButton")).toBe("Ceritakan sesi");
    expect(t("checkin.form.title", { number: 1 })).toBe("Sesi 1: cerita singkat");
    expect(t("checkin.thanks.met", { when: "Rabu" })).toContain("Terima kasih sudah bercerita!");
    expect(t("checkin.rescheduled")).toBe("Kami ganti jadwal");
    expect(t("cadence.confirmedReply")).not.toMatch(/^Terkonfirmasi/);
    expect(t("intro.why.gives", { giver: "Ani", receiver: "Budi", topics: "“SQL”" })).toBe(
      "Ani bisa berbagi pengalaman soal “SQL”, hal yang ingin dipelajari Budi.",
    );
  });
});
