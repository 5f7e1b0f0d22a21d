/** The playground's simulated people: an organizer and seven members across WIB, WITA and WIT. */
import type { Intake } from "../../core/commands/command";
import type { Person } from "./app";

export const ORGANIZER: Person = { id: "sari", name: "Sari", locale: "id-ID", timezone: "Asia/Jakarta", admin: true };

export interface CastMember extends Person {
  intake: Omit<Intake, "language" | "partnersWanted" | "timezone">;
}

export const MEMBERS: CastMember[] = [
  {
    id: "ani",
    name: "Ani",
    locale: "id-ID",
    timezone: "Asia/Jakarta",
    intake: {
      expertise: ["public speaking", "design thinking"],
      goals: ["SQL", "data analysis"],
      interests: ["kopi", "buku"],
      team: "Marketing",
    },
  },
  {
    id: "budi",
    name: "Budi",
    locale: "id-ID",
    timezone: "Asia/Jakarta",
    intake: { expertise: ["SQL", "data analysis"], goals: ["public speaking"], interests: ["kopi", "lari"], team: "Data" },
  },
  {
    id: "citra",
    name: "Citra",
    locale: "en-US",
    timezone: "Asia/Makassar",
    intake: { expertise: ["UX research"], goals: ["product management"], interests: ["buku", "fotografi"], team: "Design" },
  },
  {
    id: "dewi",
    name: "Dewi",
    locale: "id-ID",
    timezone: "Asia/Jayapura",
    intake: {
      expertise: ["product management", "roadmapping"],
      goals: ["UX research"],
      interests: ["fotografi"],
      team: "Product",
    },
  },
  {
    id: "eko",
    name: "Eko",
    locale: "id-ID",
    timezone: "Asia/Jakarta",
    intake: { expertise: ["Kubernetes", "DevOps"], goals: ["leadership"], interests: ["musik"], team: "Engineering" },
  },
  {
    id: "fajar",
    name: "Fajar",
    locale: "en-US",
    timezone: "Asia/Makassar",
    intake: { expertise: ["leadership", "coaching"], goals: ["Kubernetes"], interests: ["musik", "lari"], team: "People" },
  },
  {
    id: "gita",
    name: "Gita",
    locale: "id-ID",
    timezone: "Asia/Jakarta",
    intake: { expertise: ["copywriting"], goals: ["leadership", "public speaking"], interests: ["buku"], team: "Marketing" },
  },
];

export const CAST: Person[] = [ORGANIZER, ...MEMBERS];
