/**
 * A new embedded database from a template instead of initdb. PGlite makes a
 * new data folder by running initdb in a second PostgreSQL instance and
 * copying its files over: most of a first start's time, and its memory peak
 * (three WebAssembly instances at once). The same empty cluster, made once
 * when the package is installed (`npm run pglite:template`, run by
 * postinstall) and kept beside PGlite in node_modules/.cache, is unpacked into
 * a new folder in a second, which PGlite then opens as it opens any folder.
 * Without a template (install scripts skipped) PGlite runs initdb as before.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import type { PGliteOptions } from "@electric-sql/pglite";

/** The template for the installed PGlite: its version in the name, so an upgrade makes a new one. */
export function templatePath(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
  return join(dir, "..", "..", ".cache", "sebaya", `pglite-${version}.tar.gz`);
}

/** Makes the template: an empty cluster made with `options` (the ones every open uses), gzipped. */
export async function buildTemplate(options: PGliteOptions, path = templatePath()): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = await PGlite.create("memory://", options);
  try {
    const dump = await pglite.dumpDataDir("gzip");
    mkdirSync(dirname(path), { recursive: true });
    // Whole or not at all: a half-written template must never be unpacked.
    writeFileSync(`${path}.partial`, Buffer.from(await dump.arrayBuffer()));
    renameSync(`${path}.partial`, path);
  } finally {
    await pglite.close();
  }
}

/**
 * Unpacks the template into `dataDir` when it holds no database yet; false when it already does
 * or there is no template (PGlite then opens it, or runs initdb, as usual).
 */
export function seedFromTemplate(dataDir: string, path = templatePath()): boolean {
  if (existsSync(join(dataDir, "PG_VERSION")) || !existsSync(path)) return false;
  untar(gunzipSync(readFileSync(path)), resolve(dataDir));
  return true;
}

/** A ustar archive's directories and regular files, written under `root` (what dumpDataDir makes). */
function untar(tar: Buffer, root: string): void {
  const field = (header: Buffer, start: number, length: number) =>
    header
      .subarray(start, start + length)
      .toString("utf8")
      .replace(/\0.*$/s, "");
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    const name = field(header, 0, 100);
    if (name === "") break; // two empty blocks end the archive
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12).trim() || "0", 8);
    const mode = Number.parseInt(field(header, 100, 8).trim() || "600", 8);
    const type = field(header, 156, 1);
    const relative = normalize(join(prefix, name)).replace(/^([/\\]|\.\.[/\\])+/, "");
    const target = join(root, relative);
    // Only inside the data folder, whatever a name says.
    if (target !== root && !target.startsWith(root.endsWith(sep) ? root : root + sep)) throw new Error(`unsafe path ${name}`);
    const body = offset + 512;
    if (type === "5") mkdirSync(target, { recursive: true, mode: 0o700 });
    else if (type === "0" || type === "") {
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, tar.subarray(body, body + size), { mode: mode & 0o777 });
    }
    offset = body + Math.ceil(size / 512) * 512;
  }
}
