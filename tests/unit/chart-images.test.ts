/**
 * The organizer's chart as a picture: golden PNGs in both languages compared
 * pixel by pixel with a small tolerance (fonts rasterize a hair differently
 * across machines), regenerated with UPDATE_GOLDEN=1 (tests/golden/charts;
 * a missing one fails). The alt text carries the same figures; a hidden
 * figure is hidden in words and never drawn as a bar.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { chartSpec, chartSvg, vegaChartRenderer } from "../../src/charts/vega-chart-renderer";
import { chartAltText, programChartDocument, roundChart } from "../../src/core/charts/program-chart";
import type { Language } from "../../src/core/domain";
import { translator } from "../../src/core/i18n/translate";
import { isSafeAttachmentName } from "../../src/core/messages/attachment";
import { SAMPLE_CHART_NOW, sampleChartFigures } from "../support/chart-sample";

const GOLDEN = join(import.meta.dirname, "../golden/charts");
/** At most this share of the pixels may differ (anti-aliasing, font hinting), each by pixelmatch's threshold. */
const TOLERANCE = 0.002;

const subject = { programName: "Sebaya Batch Jakarta", timezone: "Asia/Jakarta", now: SAMPLE_CHART_NOW, block: 5 };
const renderer = vegaChartRenderer();

function compareWithGolden(name: string, png: Uint8Array): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, png);
  }
  if (!existsSync(path)) throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 once and look at it`);
  const actual = PNG.sync.read(Buffer.from(png));
  const expected = PNG.sync.read(readFileSync(path));
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const differing = pixelmatch(actual.data, expected.data, null, actual.width, actual.height, { threshold: 0.1 });
  expect(differing / (actual.width * actual.height)).toBeLessThanOrEqual(TOLERANCE);
}

describe("the organizer's chart", () => {
  for (const language of ["en", "id"] as const satisfies readonly Language[]) {
    it(`looks as reviewed, in ${language}`, async () => {
      const chart = roundChart(translator(language), language, subject, sampleChartFigures());
      expect(isSafeAttachmentName(chart.name)).toBe(true);
      compareWithGolden(`program-${language}.png`, await renderer.png(chart.document));
    }, 60_000);
  }

  it("says the same figures in words, in each language, hidden ones as hidden", () => {
    const figures = sampleChartFigures();
    const en = chartAltText(translator("en"), programChartDocument(translator("en"), "en", subject, figures));
    expect(en).toContain("Round 1: joined: 18, matched: 16, met at least once: 14, still meeting: 12");
    expect(en).toContain("Check-ins answered: Round 1: 78%; Round 2: 80%; Round 3: hidden (fewer than 5 answers)");
    expect(en).toContain("Session ratings: Round 1: rated 1: 1, rated 2: 2, rated 3: 4, rated 4: 8, rated 5: 5;");
    expect(en).toContain("Goals reached: Round 1: 7; Round 2: 11; Round 3: hidden (fewer than 5 answers)");
    expect(en).toContain("19 Jan: held: 8, missed: 3");
    expect(en).toContain("Data with Engineering: 7 pairs");
    const id = chartAltText(translator("id"), programChartDocument(translator("id"), "id", subject, figures));
    expect(id).toContain("Putaran 1: mendaftar: 18, dapat pasangan: 16, sudah bertemu: 14, masih bertemu: 12");
    expect(id).toContain(
      "Cerita sesi yang dijawab: Putaran 1: 78%; Putaran 2: 80%; Putaran 3: disembunyikan (kurang dari 5 jawaban)",
    );
    expect(id).toContain("Tujuan tercapai: Putaran 1: 7; Putaran 2: 11; Putaran 3: disembunyikan");
    expect(id).toContain("19 Jan: terlaksana: 8, terlewat: 3");
    expect(id).toContain("Data dengan Engineering: 7 pasang");
    expect(id).toContain("per Senin, 2 Maret 2026");
  });

  it("draws a hidden figure as words, never as a bar", () => {
    const document = programChartDocument(translator("en"), "en", subject, sampleChartFigures());
    const spec = JSON.stringify(chartSpec(document));
    // Round 3's answers are too few: no bar datum for it in the answers' panels, the hidden label instead.
    const panels = (chartSpec(document) as unknown as { vconcat: Array<{ hconcat?: unknown[] }> }).vconcat;
    const response = JSON.stringify(panels[1]?.hconcat?.[0]);
    expect(response).not.toMatch(/"category":"Round 3","series"/);
    expect(response).toContain('"category":"Round 3"');
    expect(spec).toContain(JSON.stringify(document.hiddenDrawn));
  });

  it("escapes team names, which members write", async () => {
    const figures = sampleChartFigures();
    figures.mixing = [{ a: "<script>&amp;", b: 'R&D "core"', pairs: 5 }];
    const document = programChartDocument(translator("en"), "en", subject, figures);
    const svg = await chartSvg(document);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;&amp;amp;");
    // And resvg reads it as a whole picture.
    const png = await renderer.png(document);
    expect(PNG.sync.read(Buffer.from(png)).width).toBeGreaterThan(500);
  }, 60_000);

  it("loads its font from the npm package, never the machine's", async () => {
    const source = readFileSync(join(import.meta.dirname, "../../src/charts/vega-chart-renderer.ts"), "utf8");
    expect(source).toContain("loadSystemFonts: false");
  });
});
