/**
 * Issue 13's seven intakes, written the way people write them: two pairs
 * designed to fit (data analysis ⇄ public speaking; negotiation ⇄ financial
 * modelling, across languages), and three engineers and a designer around
 * them. Used by the Slack and Discord end-to-end programs.
 */
export interface DesignedIntake {
  name: string;
  expertise: string;
  goals: string;
  team: string;
}

export const DESIGNED_INTAKES: readonly DesignedIntake[] = [
  {
    name: "Ani",
    expertise: "Data analysis (Excel, SQL, Power BI dashboards)",
    goals: "Public speaking: presenting quarterly results with confidence",
    team: "Finance",
  },
  {
    name: "Budi",
    expertise: "Public speaking and pitching to large audiences",
    goals: "Data analysis for sales forecasting",
    team: "Sales",
  },
  { name: "Citra", expertise: "Negosiasi dengan klien korporat", goals: "Financial modelling di Excel", team: "Sales" },
  {
    name: "Dewi",
    expertise: "Financial modelling and budgeting",
    goals: "Negotiation skills for vendor contracts",
    team: "Finance",
  },
  { name: "Eko", expertise: "Kubernetes (k8s), CI/CD pipelines", goals: "riset pengguna", team: "Engineering" },
  { name: "Rina", expertise: "desain UX, riset pengguna", goals: "backend golang", team: "Product" },
  { name: "Tono", expertise: "Go backend, REST API", goals: "k8s deployments", team: "Engineering" },
];

/** The designed pairs, by name. */
export const DESIGNED_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["Ani", "Budi"],
  ["Citra", "Dewi"],
];

/** What each designed pair's intro must say, in each language: the topics named, in the reader's words. */
export const DESIGNED_REASONS: Record<"en" | "id", readonly string[]> = {
  en: [
    "Ani can share data analysis, which Budi wants to learn.",
    "Budi can share public speaking, which Ani wants to learn.",
    "Citra can share negotiation, which Dewi wants to learn.",
    "Dewi can share financial modelling, which Citra wants to learn.",
  ],
  id: [
    "Ani bisa berbagi pengalaman soal analisis data, hal yang ingin dipelajari Budi.",
    "Budi bisa berbagi pengalaman soal berbicara di depan umum, hal yang ingin dipelajari Ani.",
    "Citra bisa berbagi pengalaman soal negosiasi, hal yang ingin dipelajari Dewi.",
    "Dewi bisa berbagi pengalaman soal pemodelan keuangan, hal yang ingin dipelajari Citra.",
  ],
};
