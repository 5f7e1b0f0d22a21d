/**
 * The font charts are drawn in: Noto Sans, from an npm package, loaded by
 * path into the renderer so a machine without fonts (a CI runner, a slim
 * container) draws the same picture. Noto Sans covers Indonesian and English
 * alike (Latin with every diacritic a name may carry).
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const CHART_FONT_FAMILY = "Noto Sans";

/** The regular and bold faces' files. */
export const chartFontFiles = (): string[] => [
  require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
];
