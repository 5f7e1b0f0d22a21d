/**
 * The chart port drawn with Vega-Lite: the core's chart document becomes a
 * Vega-Lite spec, Vega draws it as SVG on the server (no browser, no
 * canvas), resvg turns the SVG into a PNG with the bundled font only. The
 * colours are Okabe and Ito's palette, told apart with every common kind of
 * colour-blindness; a hidden figure is drawn as words, never as a bar.
 */
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { BarPanel, ChartDocument, ChartPanel, ChartRenderer, MatrixPanel } from "../core/charts/chart-document";
import { CHART_FONT_FAMILY, chartFontFiles } from "./chart-font";

/** Okabe-Ito, darkest first so one series reads well on white. */
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];
/** Ratings 1 to 5, from vermillion to blue: the same palette, in order of the scale. */
const RATING_SCALE = ["#D55E00", "#E69F00", "#F0E442", "#56B4E9", "#0072B2"];
const PANEL_WIDTH = 380;
const PANEL_HEIGHT = 190;
const FOOTNOTE_LINE = 120;
/** Drawn at this scale, so text stays sharp on a phone. */
const ZOOM = 1.5;

/** Each panel its own scales and legend: a colour means one thing within a panel only. */
const INDEPENDENT = { scale: { color: "independent", x: "independent", y: "independent" }, legend: { color: "independent" } };

// Vega-Lite's spec types are wide unions; the panels below are plain JSON checked by `compile`.
type Spec = Record<string, unknown>;

function emptyPanel(title: string, label: string): Spec {
  return {
    title,
    width: PANEL_WIDTH,
    height: PANEL_HEIGHT,
    data: { values: [{ label }] },
    mark: { type: "text", fontSize: 13, color: "#555" },
    encoding: { text: { field: "label" } },
  };
}

function barPanel(panel: BarPanel, document: ChartDocument): Spec {
  if (panel.categories.length === 0) return emptyPanel(panel.title, document.emptyLabel);
  const names = panel.series.map((s) => s.name);
  const bars: Array<{ category: string; series: string; value: number }> = [];
  const hidden: Array<{ category: string }> = [];
  panel.categories.forEach((category, i) => {
    let shown = false;
    for (const s of panel.series) {
      const value = s.values[i];
      if (value === null || value === undefined) continue;
      bars.push({ category, series: s.name, value });
      shown = true;
    }
    if (!shown) hidden.push({ category });
  });
  const x = {
    field: "category",
    type: "nominal",
    sort: panel.categories,
    // Few categories keep narrow bars: the outer padding takes the room four bars would.
    scale: { domain: panel.categories, paddingInner: 0.2, paddingOuter: Math.max(0.2, (4 - panel.categories.length) / 2) },
    title: null,
    axis: { labelAngle: panel.categories.length > 8 ? -45 : 0, labelLimit: 90 },
  };
  const y = {
    field: "value",
    type: "quantitative",
    title: null,
    ...(panel.percent ? { scale: { domain: [0, 1] }, axis: { format: ".0%" } } : { axis: { tickMinStep: 1, format: "d" } }),
    ...(panel.stacked ? {} : { stack: null }),
  };
  const range = panel.series.length === 5 ? RATING_SCALE : PALETTE;
  const single = panel.series.length === 1;
  const layers: Spec[] = [
    {
      data: { values: bars },
      mark: { type: "bar", tooltip: false },
      encoding: {
        x,
        y,
        color: {
          field: "series",
          type: "nominal",
          sort: names,
          scale: { domain: names, range },
          legend: single ? null : { orient: "bottom", title: null, direction: "horizontal", columns: 3, labelLimit: 160 },
        },
        ...(panel.stacked || single ? {} : { xOffset: { field: "series", sort: names } }),
      },
    },
  ];
  if (hidden.length > 0)
    layers.push({
      data: { values: hidden },
      // Half-way up the panel, in pixels: the bars' scale may have no room for words.
      mark: { type: "text", baseline: "middle", fontSize: 10, color: "#444", lineBreak: "\n" },
      encoding: { x, y: { value: PANEL_HEIGHT / 2 }, text: { value: document.hiddenDrawn } },
    });
  return { title: panel.title, width: PANEL_WIDTH, height: PANEL_HEIGHT, layer: layers };
}

function matrixPanel(panel: MatrixPanel, document: ChartDocument): Spec {
  if (panel.cells.length === 0) return emptyPanel(panel.title, document.emptyLabel);
  const max = Math.max(...panel.cells.map((c) => c.value));
  const side = Math.min(PANEL_HEIGHT, 40 * panel.names.length);
  const axis = (field: "row" | "column") => ({
    field,
    type: "nominal",
    sort: panel.names,
    scale: { domain: panel.names },
    title: null,
    axis: { labelLimit: 150, grid: false, ...(field === "column" ? { labelAngle: -40, orient: "top" } : {}) },
  });
  return {
    title: panel.title,
    width: side,
    height: side,
    data: { values: panel.cells.map((c) => ({ ...c, dark: c.value > max / 2 })) },
    encoding: { x: axis("column"), y: axis("row") },
    layer: [
      {
        mark: { type: "rect", stroke: "white" },
        encoding: {
          color: { field: "value", type: "quantitative", scale: { scheme: "blues", domainMin: 0 }, legend: null },
        },
      },
      {
        mark: { type: "text", fontSize: 11 },
        encoding: {
          text: { field: "value", type: "quantitative" },
          color: { condition: { test: "datum.dark", value: "white" }, value: "black" },
        },
      },
    ],
  };
}

const panelSpec = (panel: ChartPanel, document: ChartDocument): Spec =>
  panel.kind === "bars" ? barPanel(panel, document) : matrixPanel(panel, document);

/** The footnote in lines short enough for the picture's width. */
function wrap(textToWrap: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of textToWrap.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The whole chart as a Vega-Lite spec: the panels two by two, then the footnote. */
export function chartSpec(document: ChartDocument): TopLevelSpec {
  const rows: Spec[] = [];
  for (let i = 0; i < document.panels.length; i += 2)
    rows.push({ hconcat: document.panels.slice(i, i + 2).map((p) => panelSpec(p, document)), spacing: 40, resolve: INDEPENDENT });
  const footnote = wrap(document.footnote, FOOTNOTE_LINE);
  rows.push({
    width: PANEL_WIDTH * 2,
    height: footnote.length * 14,
    data: { values: footnote.map((line, i) => ({ line, i })) },
    mark: { type: "text", align: "left", baseline: "top", fontSize: 11, color: "#444" },
    encoding: {
      text: { field: "line" },
      x: { value: 0 },
      y: { field: "i", type: "ordinal", axis: null, title: null },
    },
  });
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    background: "white",
    padding: 20,
    title: { text: document.title, subtitle: document.subtitle, anchor: "start", fontSize: 18, subtitleFontSize: 12 },
    vconcat: rows,
    spacing: 30,
    resolve: INDEPENDENT,
    config: {
      font: CHART_FONT_FAMILY,
      view: { stroke: null },
      title: { anchor: "start", fontSize: 13, fontWeight: "bold" },
      axis: { labelFontSize: 10, grid: true, gridColor: "#e6e6e6" },
      legend: { labelFontSize: 10, symbolType: "square" },
    },
  };
  return spec as unknown as TopLevelSpec;
}

/** The chart as an SVG document. */
export async function chartSvg(document: ChartDocument): Promise<string> {
  const compiled = compile(chartSpec(document)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function vegaChartRenderer(): ChartRenderer {
  const fontFiles = chartFontFiles();
  return {
    async png(document) {
      const svg = await chartSvg(document);
      const resvg = new Resvg(svg, {
        font: { loadSystemFonts: false, fontFiles, defaultFontFamily: CHART_FONT_FAMILY },
        fitTo: { mode: "zoom", value: ZOOM },
        background: "white",
      });
      return new Uint8Array(resvg.render().asPng());
    },
  };
}
