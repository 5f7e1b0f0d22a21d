/**
 * The chart renderer, loaded on the first chart: Vega and resvg are large, and
 * a bot that is never asked for a chart should not start slower for them.
 */
import type { ChartRenderer } from "../core/charts/chart-document";

export function lazyChartRenderer(): ChartRenderer {
  let loaded: Promise<ChartRenderer> | undefined;
  return {
    async png(document) {
      loaded ??= import("./vega-chart-renderer").then((m) => m.vegaChartRenderer());
      return (await loaded).png(document);
    },
  };
}
