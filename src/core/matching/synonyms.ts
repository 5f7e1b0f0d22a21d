/**
 * Indonesian/English equivalents of pastimes, for interests ("kopi" meets
 * "coffee"). Each group maps to its first entry. Workplace skills live in the
 * vocabulary (vocabulary/skills.json), read by topic-reading.ts.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["coffee", "kopi"],
  ["books", "buku", "reading", "membaca"],
  ["music", "musik"],
  ["running", "lari"],
  ["cooking", "memasak", "masak"],
  ["travel", "traveling", "jalan-jalan", "wisata"],
  ["football", "sepak bola", "soccer"],
  ["badminton", "bulu tangkis"],
  ["gardening", "berkebun"],
  ["games", "gaming", "main game"],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) for (const word of group) CANONICAL.set(word, group[0] as string);

/** The canonical form of an already-normalized topic: itself when no group holds it. */
export function canonicalTopic(normalized: string): string {
  return CANONICAL.get(normalized) ?? normalized;
}
