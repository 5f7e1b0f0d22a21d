/**
 * The organizer's chart of a program: its last rounds side by side
 * (participation, check-in response, ratings, goals reached), sessions week
 * by week and how teams mixed, as a chart document, its alt text with the same
 * figures, and the PNG. Figures from fewer than a block of answers come as
 * hidden (null) and stay hidden in the picture and in the words.
 */
import { DateTime } from "luxon";
import type { Language } from "../domain";
import type { Translate } from "../i18n/translate";
import type { ChartAttachment } from "../messages/attachment";
import type { ProgramChartFigures } from "../ports";
import { formatDate } from "../time/time-format";
import type { BarPanel, ChartDocument } from "./chart-document";

/** How many of a program's latest rounds the chart shows. */
export const CHART_ROUNDS = 6;
/** Teams drawn in the mixing table; the rest count as "other teams". */
const MATRIX_TEAMS = 8;
const TEAM_NAME_MAX = 24;

export interface ChartSubject {
  programName: string;
  timezone: string;
  now: Date;
  /** Answers are counted in blocks of this many (the report's `ANSWER_BLOCK`). */
  block: number;
}

/** A team's name as drawn: one line, not too long (it is a member's words; the renderer escapes it). */
const teamLabel = (team: string): string => {
  const flat = team.replace(/\s+/g, " ").trim();
  return flat.length > TEAM_NAME_MAX ? `${flat.slice(0, TEAM_NAME_MAX - 1)}…` : flat;
};

function weekLabel(week: string, language: Language): string {
  return DateTime.fromISO(week, { zone: "utc" }).setLocale(language).toFormat("d LLL");
}

function mixingPanel(t: Translate, figures: ProgramChartFigures) {
  const sizes = new Map<string, number>();
  for (const m of figures.mixing) {
    sizes.set(m.a, (sizes.get(m.a) ?? 0) + m.pairs);
    if (m.b !== m.a) sizes.set(m.b, (sizes.get(m.b) ?? 0) + m.pairs);
  }
  const ranked = [...sizes.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([team]) => team);
  const kept = new Set(ranked.slice(0, MATRIX_TEAMS));
  const other = t("chart.otherTeams");
  const name = (team: string) => (kept.has(team) ? teamLabel(team) : other);
  const cells = new Map<string, { row: string; column: string; value: number }>();
  for (const m of figures.mixing) {
    const [a, b] = [name(m.a), name(m.b)];
    // Both halves of the square, so each row reads on its own.
    for (const [row, column] of a === b
      ? [[a, b]]
      : [
          [a, b],
          [b, a],
        ]) {
      const key = JSON.stringify([row, column]);
      const cell = cells.get(key) ?? { row: row as string, column: column as string, value: 0 };
      cell.value += m.pairs;
      cells.set(key, cell);
    }
  }
  const names = [
    ...new Set([...ranked.filter((team) => kept.has(team)).map(teamLabel), ...(ranked.length > MATRIX_TEAMS ? [other] : [])]),
  ];
  return { kind: "matrix" as const, title: t("chart.mixing"), names, cells: [...cells.values()] };
}

/** The chart of a program's rounds as a document: what the renderer draws and the alt text reads. */
export function programChartDocument(
  t: Translate,
  language: Language,
  subject: ChartSubject,
  figures: ProgramChartFigures,
): ChartDocument {
  const rounds = figures.rounds;
  const categories = rounds.map((r) => t("chart.roundLabel", { number: r.number }));
  const participation: BarPanel = {
    kind: "bars",
    title: t("chart.participation"),
    categories,
    stacked: false,
    percent: false,
    series: [
      { name: t("chart.joined"), values: rounds.map((r) => r.participation.joined) },
      { name: t("chart.matched"), values: rounds.map((r) => r.participation.matched) },
      { name: t("chart.met"), values: rounds.map((r) => r.participation.met) },
      { name: t("chart.stillMeeting"), values: rounds.map((r) => r.participation.stillMeeting) },
    ],
  };
  const sessions: BarPanel = {
    kind: "bars",
    title: t("chart.sessionsByWeek"),
    categories: figures.weeks.map((w) => weekLabel(w.week, language)),
    stacked: true,
    percent: false,
    series: [
      { name: t("chart.held"), values: figures.weeks.map((w) => w.held) },
      { name: t("chart.missed"), values: figures.weeks.map((w) => w.missed) },
    ],
  };
  const response: BarPanel = {
    kind: "bars",
    title: t("chart.checkInResponse"),
    categories,
    stacked: false,
    percent: true,
    series: [
      {
        name: t("chart.answered"),
        // Fewer than a block answered: hidden. Capped at 1 should anyone answer for a session twice over.
        values: rounds.map((r) =>
          r.checkIns.counted === 0 || r.checkIns.asked === 0 ? null : Math.min(1, r.checkIns.counted / r.checkIns.asked),
        ),
      },
    ],
  };
  const ratings: BarPanel = {
    kind: "bars",
    title: t("chart.ratings"),
    categories,
    stacked: true,
    percent: false,
    series: [1, 2, 3, 4, 5].map((value) => ({
      name: t("chart.ratingValue", { value }),
      values: rounds.map((r) => (r.ratings.counted === 0 ? null : (r.ratings.byValue[value - 1] ?? 0))),
    })),
  };
  const goals: BarPanel = {
    kind: "bars",
    title: t("chart.goalsReached"),
    categories,
    stacked: false,
    percent: false,
    series: [
      { name: t("chart.goalsReachedSeries"), values: rounds.map((r) => (r.goals.evaluations === 0 ? null : r.goals.reached)) },
    ],
  };
  const first = rounds[0]?.number ?? 0;
  const last = rounds.at(-1)?.number ?? 0;
  return {
    language,
    title: t("chart.title", { name: subject.programName }),
    subtitle:
      first === last
        ? t("chart.subtitleOne", { number: last, date: formatDate(subject.now, subject.timezone, language) })
        : t("chart.subtitle", { first, last, date: formatDate(subject.now, subject.timezone, language) }),
    footnote: t("chart.footnote", { block: subject.block }),
    hiddenLabel: t("chart.hidden", { min: subject.block }),
    hiddenDrawn: t("chart.hiddenDrawn", { min: subject.block }),
    emptyLabel: t("chart.empty"),
    panels: [participation, sessions, response, ratings, goals, mixingPanel(t, figures)],
  };
}

function valueText(value: number, percent: boolean): string {
  return percent ? `${Math.round(value * 100)}%` : String(value);
}

/** The chart in words, the same figures, for screen readers (and anyone who would rather read). */
export function chartAltText(t: Translate, document: ChartDocument): string {
  const lines = [`${document.title}. ${document.subtitle}.`];
  for (const panel of document.panels) {
    let parts: string[];
    if (panel.kind === "bars") {
      parts = panel.categories.map((category, i) => {
        const values = panel.series.map((s) => s.values[i] ?? null);
        if (values.every((v) => v === null)) return `${category}: ${document.hiddenLabel}`;
        const named = panel.series.map((s, j) => {
          const v = values[j] ?? null;
          return panel.series.length === 1
            ? v === null
              ? document.hiddenLabel
              : valueText(v, panel.percent)
            : `${s.name}: ${v === null ? document.hiddenLabel : valueText(v, panel.percent)}`;
        });
        return `${category}: ${named.join(", ")}`;
      });
    } else {
      parts = panel.cells
        .filter((c) => c.row <= c.column)
        .map((c) => t("chart.altPair", { a: c.row, b: c.column, count: c.value }));
    }
    lines.push(`${panel.title}: ${parts.length === 0 ? document.emptyLabel : parts.join("; ")}.`);
  }
  lines.push(document.footnote);
  return lines.join("\n");
}

export interface RoundChart {
  document: ChartDocument;
  alt: string;
  /** A safe file name (see attachment.ts). */
  name: string;
}

/**
 * The chart for a program's latest rounds, ready to send: what `/mentoring report` sends the
 * organizer, and what a round's retrospective can send when the round closes.
 */
export function roundChart(t: Translate, language: Language, subject: ChartSubject, figures: ProgramChartFigures): RoundChart {
  const document = programChartDocument(t, language, subject, figures);
  const last = figures.rounds.at(-1)?.number ?? 0;
  const day = DateTime.fromJSDate(subject.now).setZone(subject.timezone).toFormat("yyyy-LL-dd");
  return { document, alt: chartAltText(t, document), name: `sebaya-chart-round-${last}-${day}.png` };
}

/** The chart for one organizer's DM, drawn when it is delivered. */
export function chartAttachment(chart: RoundChart): ChartAttachment {
  return { name: chart.name, mime: "image/png", chart: chart.document, alt: chart.alt };
}
