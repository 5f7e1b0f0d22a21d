/**
 * npm run bench:matching (its last step): how well free text is understood.
 * Precision and recall of topic ids on the labelled phrases in
 * tests/fixtures/topic-phrases.tsv, for the old normaliser (a phrase "means"
 * a topic when it matches the topic's English label) and for readTopics.
 * Micro-averaged over (phrase, topic) pairs.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_VOCABULARY, readTopics } from "../src/core/matching/topic-reading";
import { normalizedMatch } from "../src/core/matching/topics";

export interface Labelled {
  phrase: string;
  topics: string[];
}

export function loadLabelled(path = fileURLToPath(new URL("../tests/fixtures/topic-phrases.tsv", import.meta.url))): Labelled[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => {
      const [phrase = "", labels = "-"] = line.split("\t");
      return { phrase, topics: labels === "-" ? [] : labels.split(";") };
    });
}

export interface Scores {
  precision: number;
  recall: number;
  truePositives: number;
  predicted: number;
  expected: number;
}

export function evaluate(set: readonly Labelled[], predict: (phrase: string) => readonly string[]): Scores {
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  for (const { phrase, topics } of set) {
    const got = new Set(predict(phrase));
    predicted += got.size;
    expected += topics.length;
    for (const t of topics) if (got.has(t)) truePositives++;
  }
  return {
    precision: predicted === 0 ? 1 : truePositives / predicted,
    recall: expected === 0 ? 1 : truePositives / expected,
    truePositives,
    predicted,
    expected,
  };
}

/** The synonym list and normaliser before the vocabulary (main at 9495204), kept here so the baseline does not move. */
const OLD_GROUPS: readonly (readonly string[])[] = [
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
const OLD_CANONICAL = new Map(OLD_GROUPS.flatMap((group) => group.map((word) => [word, group[0] as string] as const)));

function oldNormalize(topic: string): string {
  const plain = topic
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}+#-]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return OLD_CANONICAL.get(plain) ?? plain;
}

/** The old normaliser has no ids: a phrase means each topic whose English label it matches. */
export function baselinePredict(phrase: string): string[] {
  const n = oldNormalize(phrase);
  return DEFAULT_VOCABULARY.topics.filter((t) => normalizedMatch(n, oldNormalize(t.label.en))).map((t) => t.id);
}

export const readerPredict = (phrase: string): string[] => readTopics(phrase).topics;

function main() {
  const set = loadLabelled();
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`\nTopic understanding on ${set.length} labelled phrases (targets: precision >= 95%, recall >= 90%)`);
  console.log("reader              precision   recall   (correct / predicted / expected)");
  for (const [name, predict] of [
    ["old normaliser", baselinePredict],
    ["readTopics", readerPredict],
  ] as const) {
    const s = evaluate(set, predict);
    console.log(
      `${name.padEnd(20)}${pct(s.precision).padStart(9)}${pct(s.recall).padStart(9)}   (${s.truePositives} / ${s.predicted} / ${s.expected})`,
    );
  }
  if (process.argv.includes("--misses")) {
    for (const { phrase, topics } of set) {
      const got = readerPredict(phrase);
      if (got.join(";") !== [...topics].join(";") && new Set([...got, ...topics]).size !== got.length)
        console.log(`  ${phrase}\texpected ${topics.join(";") || "-"}\tread ${got.join(";") || "-"}`);
      else if (got.length !== topics.length)
        console.log(`  ${phrase}\texpected ${topics.join(";") || "-"}\tread ${got.join(";") || "-"}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
