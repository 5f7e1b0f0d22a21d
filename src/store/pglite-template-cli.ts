/**
 * `npm run pglite:template` (and postinstall): makes the embedded database's template for the
 * installed PGlite, so a new data folder opens in seconds. Never fails an install: without a
 * template, a new folder is made by initdb as before.
 */
import { existsSync } from "node:fs";
import { pgliteOptions } from "./connect";
import { buildTemplate, templatePath } from "./pglite-template";

try {
  const path = templatePath();
  if (existsSync(path)) console.log(`sebaya: the embedded database's template is ready (${path})`);
  else {
    const { PGlite } = await import("@electric-sql/pglite");
    await buildTemplate(pgliteOptions(PGlite.defaultStartParams), path);
    console.log(`sebaya: made the embedded database's template (${path}): a new data folder opens in seconds`);
  }
} catch (error) {
  console.warn(`sebaya: no template for the embedded database (${String(error)}); a new data folder is made by initdb`);
}
