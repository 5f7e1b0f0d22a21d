/**
 * A chart as the core describes it: words already in the reader's language,
 * numbers already counted and hidden where too few answers stand behind them.
 * How it is drawn (library, fonts, colours) is the renderer's business
 * (src/charts), so the core never loads a charting library.
 */
import type { Language } from "../domain";

/** Bars over categories (rounds or weeks); a `null` value is hidden and drawn as the hidden label, never as a bar. */
export interface BarPanel {
  kind: "bars";
  title: string;
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
  /** Series stacked on one bar (parts of a whole) or side by side. */
  stacked: boolean;
  /** Values are shares from 0 to 1. */
  percent: boolean;
}

/** A square table of counts between two lists of the same names (teams). */
export interface MatrixPanel {
  kind: "matrix";
  title: string;
  names: string[];
  cells: Array<{ row: string; column: string; value: number }>;
}

export type ChartPanel = BarPanel | MatrixPanel;

export interface ChartDocument {
  language: Language;
  title: string;
  subtitle: string;
  /** Under the chart: how hidden figures are kept hidden. */
  footnote: string;
  /** Said where a figure is hidden (alt text). */
  hiddenLabel: string;
  /** Drawn where a figure is hidden: the same, in short lines. */
  hiddenDrawn: string;
  /** Drawn in a panel with nothing to show yet. */
  emptyLabel: string;
  panels: ChartPanel[];
}

/** The port: draws a chart document as a PNG image. */
export interface ChartRenderer {
  png(document: ChartDocument): Promise<Uint8Array>;
}
