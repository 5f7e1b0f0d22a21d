/** A program's chart figures for three rounds, fixed, for the golden images and the renderer's tests. */
import type { ProgramChartFigures } from "../../src/core/ports";

export const SAMPLE_CHART_NOW = new Date("2026-03-02T03:00:00Z");

export const sampleChartFigures = (): ProgramChartFigures => ({
  rounds: [
    {
      roundId: "r1",
      number: 1,
      status: "closed",
      participation: { joined: 18, matched: 16, met: 14, stillMeeting: 12 },
      checkIns: { counted: 25, asked: 32 },
      ratings: { counted: 20, byValue: [1, 2, 4, 8, 5] },
      goals: { evaluations: 10, reached: 7 },
    },
    {
      roundId: "r2",
      number: 2,
      status: "closed",
      participation: { joined: 24, matched: 22, met: 20, stillMeeting: 19 },
      checkIns: { counted: 35, asked: 44 },
      ratings: { counted: 30, byValue: [0, 2, 6, 12, 10] },
      goals: { evaluations: 15, reached: 11 },
    },
    {
      roundId: "r3",
      number: 3,
      status: "running",
      participation: { joined: 20, matched: 20, met: 9, stillMeeting: 20 },
      // Too few answers yet: hidden.
      checkIns: { counted: 0, asked: 12 },
      ratings: { counted: 0, byValue: [0, 0, 0, 0, 0] },
      goals: { evaluations: 0, reached: 0 },
    },
  ],
  weeks: [
    { week: "2026-01-05", held: 6, missed: 2 },
    { week: "2026-01-12", held: 7, missed: 1 },
    { week: "2026-01-19", held: 8, missed: 3 },
    { week: "2026-02-02", held: 9, missed: 2 },
    { week: "2026-02-09", held: 10, missed: 1 },
    { week: "2026-02-16", held: 11, missed: 0 },
    { week: "2026-02-23", held: 5, missed: 2 },
  ],
  mixing: [
    { a: "Data", b: "Data", pairs: 2 },
    { a: "Data", b: "Design", pairs: 5 },
    { a: "Data", b: "Engineering", pairs: 7 },
    { a: "Design", b: "Engineering", pairs: 4 },
    { a: "Engineering", b: "Engineering", pairs: 3 },
    { a: "Engineering", b: "Operasional & Keuangan", pairs: 6 },
  ],
});
