/**
 * A small curated list of Indonesian/English equivalents, so "analisis data"
 * meets "data analysis". Each group maps to its first entry. No network, no
 * model: extend the list when a program's members use other words.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["public speaking", "berbicara di depan umum", "presentasi", "presentation", "presentations"],
  ["data analysis", "analisis data", "data analytics", "analitik data"],
  ["leadership", "kepemimpinan", "memimpin tim", "leading teams"],
  ["project management", "manajemen proyek"],
  ["product management", "manajemen produk"],
  ["time management", "manajemen waktu"],
  ["people management", "manajemen orang", "managing people"],
  ["marketing", "pemasaran"],
  ["digital marketing", "pemasaran digital"],
  ["sales", "penjualan"],
  ["negotiation", "negosiasi"],
  ["communication", "komunikasi"],
  ["writing", "menulis", "penulisan"],
  ["design", "desain"],
  ["ux research", "riset ux", "user research", "riset pengguna"],
  ["programming", "pemrograman", "coding", "ngoding"],
  ["machine learning", "pembelajaran mesin", "ml"],
  ["artificial intelligence", "kecerdasan buatan", "ai"],
  ["finance", "keuangan"],
  ["accounting", "akuntansi"],
  ["career development", "pengembangan karier", "pengembangan karir", "career growth"],
  ["mentoring", "bimbingan"],
  ["customer service", "layanan pelanggan"],
  ["english", "bahasa inggris"],
  ["coffee", "kopi"],
  ["books", "buku", "reading", "membaca"],
  ["photography", "fotografi"],
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

/** The canonical form of an already-normalized topic. */
export function canonicalTopic(normalized: string): string {
  return CANONICAL.get(normalized) ?? normalized;
}
