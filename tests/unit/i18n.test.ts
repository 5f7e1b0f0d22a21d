import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/core/domain";
import { en } from "../../src/core/i18n/en";
import { id } from "../../src/core/i18n/id";
import { catalogs, languageFromLocale, type MessageKey, type Params, translator } from "../../src/core/i18n/translate";

type ArgKind = "plain" | "number" | "plural" | "select" | "date";

/** Every argument a message uses, with how it is used, found recursively (plural/select branches and tags too). */
function argumentsOf(message: string): Map<string, ArgKind> {
  // ignoreTag: collect arguments even from text that happens to look like an XML tag.
  // Whether the message formats at all is checked separately below.
  const args = new Map<string, ArgKind>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (isArgumentElement(el)) {
        if (!args.has(el.value)) args.set(el.value, "plain");
      } else if (isNumberElement(el)) args.set(el.value, "number");
      else if (isDateElement(el) || isTimeElement(el)) args.set(el.value, "date");
      else if (isPluralElement(el)) {
        args.set(el.value, "plural");
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (isSelectElement(el)) {
        args.set(el.value, "select");
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (isTagElement(el)) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return args;
}

function pluralsOf(message: string): Array<{ arg: string; options: string[] }> {
  const found: Array<{ arg: string; options: string[] }> = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (isPluralElement(el)) {
        found.push({ arg: el.value, options: Object.keys(el.options) });
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (isSelectElement(el)) for (const option of Object.values(el.options)) walk(option.value);
      else if (isTagElement(el)) walk(el.children);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return found;
}

/** Dummy values: numbers where the message needs a number, a recognisable marker otherwise. */
function dummyParams(message: string): { params: Params; markers: string[] } {
  const params: Params = {};
  const markers: string[] = [];
  for (const [name, kind] of argumentsOf(message)) {
    if (kind === "plural" || kind === "number") params[name] = 7;
    else if (kind === "select") params[name] = "other";
    else if (kind === "date") params[name] = Date.UTC(2026, 11, 1);
    else {
      params[name] = `«${name}»`;
      markers.push(`«${name}»`);
    }
  }
  return { params, markers };
}

const LANGS: Language[] = ["en", "id"];
const keys = Object.keys(en) as MessageKey[];
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Values that are legitimately the same in both languages. */
const SAME_IN_BOTH = new Set<MessageKey>([
  "language.id",
  "language.en",
  // The event's title in a calendar: the program's name for itself, in both languages.
  "calendar.summary",
  // A person named in the setup access setting: just their mention.
  "access.user",
  "reminder.time",
  "status.program",
  "checkin.rating.2",
  "checkin.rating.4",
  "evaluation.working.2",
  "evaluation.working.4",
  "console.where.dm",
  // A weight's name, value and options: all three come from the catalog's own words.
  "weights.linePolicy",
  // An audit line: a time, a name, a program and an action, each already in the reader's language.
  "audit.line",
  "audit.lineIn",
]);

describe("catalogs", () => {
  it("have exactly the same keys", () => {
    expect(sorted(Object.keys(id))).toEqual(sorted(Object.keys(en)));
    expect(keys.length).toBeGreaterThan(100);
  });

  it("are what translate.ts serves", () => {
    expect(catalogs.en).toBe(en);
    expect(catalogs.id).toBe(id);
  });

  it.each(LANGS)("%s: no value is empty or padded with whitespace", (lang) => {
    const bad = Object.entries(catalogs[lang]).filter(([, v]) => typeof v !== "string" || v.trim() === "" || v !== v.trim());
    expect(bad).toEqual([]);
  });

  it.each(keys)("%s uses the same ICU arguments in both languages", (key) => {
    const enArgs = argumentsOf(en[key]);
    const idArgs = argumentsOf(id[key]);
    expect(sorted(idArgs.keys())).toEqual(sorted(enArgs.keys()));
    // English may pluralise an argument that Indonesian prints as-is (both get a number then);
    // select and date arguments must be used the same way in both, or one side gets the wrong value.
    for (const [name, kind] of enArgs) {
      const other = idArgs.get(name);
      if (kind === "select" || kind === "date" || other === "select" || other === "date") expect(other, name).toBe(kind);
    }
  });

  it("Indonesian copy is translated, except an explicit short allowlist", () => {
    const identical = keys.filter((k) => en[k] === id[k]);
    expect(identical.filter((k) => !SAME_IN_BOTH.has(k))).toEqual([]);
    // The allowlist names real keys and stays small.
    for (const k of SAME_IN_BOTH) expect(keys).toContain(k);
    expect(identical.length).toBeLessThan(keys.length / 10);
  });

  it("Indonesian messages use no plural branches other than `other` (Indonesian has no grammatical plural)", () => {
    expect(new Intl.PluralRules("id").resolvedOptions().pluralCategories).toEqual(["other"]);
    const offenders = keys.flatMap((k) =>
      pluralsOf(id[k])
        .filter((p) => p.options.some((o) => o !== "other" && !o.startsWith("=")))
        .map((p) => `${k}:${p.arg}`),
    );
    expect(offenders).toEqual([]);
  });

  it("English messages with a count use plural forms with both `one` and `other`", () => {
    for (const key of ["journal.saved", "status.journalValue", "match.done", "match.channel", "match.preview.title"] as const) {
      const plurals = pluralsOf(en[key]);
      expect(plurals.length, key).toBeGreaterThan(0);
      for (const p of plurals) expect(sorted(p.options), key).toEqual(["one", "other"]);
    }
  });
});

describe("every message formats", () => {
  const cases = LANGS.flatMap((lang) => keys.map((key) => [lang, key] as const));

  it.each(cases)("%s %s formats with dummy params, substituting every argument", (lang, key) => {
    const { params, markers } = dummyParams(catalogs[lang][key]);
    const out = translator(lang)(key, params);
    expect(out.length).toBeGreaterThan(0);
    for (const m of markers) expect(out).toContain(m);
    expect(out).not.toMatch(/[{}]/);
  });

  it.each(LANGS)("%s: a message without arguments comes out verbatim (no ICU quoting surprises)", (lang) => {
    const t = translator(lang);
    const changed: string[] = [];
    for (const key of keys) {
      const raw = catalogs[lang][key];
      if (argumentsOf(raw).size > 0) continue;
      let out: string;
      try {
        out = t(key);
      } catch (e) {
        out = `THREW ${(e as Error).message}`;
      }
      if (out !== raw) changed.push(key);
    }
    expect(changed).toEqual([]);
  });

  it("a missing parameter is an error, not silent placeholder text", () => {
    expect(() => translator("en")("problem.required")).toThrow();
  });
});

describe("plurals and substitution", () => {
  const tEn = translator("en");
  const tId = translator("id");

  it("English journal.saved: 1 note vs 2 notes", () => {
    expect(tEn("journal.saved", { count: 1 })).toBe("Saved to your private journal (1 note). Only you can read it.");
    expect(tEn("journal.saved", { count: 2 })).toBe("Saved to your private journal (2 notes). Only you can read it.");
    expect(tEn("journal.saved", { count: 0 })).toContain("(0 notes)");
  });

  it("English status and match counts pluralise", () => {
    expect(tEn("status.journalValue", { count: 1 })).toBe("1 note");
    expect(tEn("status.journalValue", { count: 5 })).toBe("5 notes");
    expect(tEn("match.done", { groups: 1 })).toBe("Matched 1 group. Intros are on their way.");
    expect(tEn("match.done", { groups: 3 })).toBe("Matched 3 groups. Intros are on their way.");
  });

  it("Indonesian uses one form for every count", () => {
    expect(tId("journal.saved", { count: 1 })).toBe(
      "Tersimpan. Sekarang ada 1 catatan pribadi Anda, dan hanya Anda yang bisa membacanya.",
    );
    expect(tId("journal.saved", { count: 2 })).toBe(
      "Tersimpan. Sekarang ada 2 catatan pribadi Anda, dan hanya Anda yang bisa membacanya.",
    );
    expect(tId("status.journalValue", { count: 1 })).toBe("1 catatan");
    expect(tId("status.journalValue", { count: 12 })).toBe("12 catatan");
  });

  it("formatters are kept apart per language (the cache is keyed by language)", () => {
    const a = tEn("journal.saved", { count: 1 });
    const b = tId("journal.saved", { count: 1 });
    expect(a).not.toBe(b);
    expect(translator("en")("journal.saved", { count: 1 })).toBe(a);
  });

  it("substitutes named arguments", () => {
    expect(tEn("problem.tooBig", { field: "Number of partners", max: 3 })).toBe("Number of partners must be at most 3.");
    expect(tId("problem.tooBig", { field: "Jumlah rekan", max: 3 })).toBe("Jumlah rekan maksimal 3.");
  });
});

describe("languageFromLocale", () => {
  it.each([
    ["id-ID", "id"],
    ["id", "id"],
    ["in", "id"],
    ["in-ID", "id"],
    ["ID_id", "id"],
    ["en-GB", "en"],
    ["en-US", "en"],
    ["en_US", "en"],
    ["EN", "en"],
  ] as const)("%s -> %s", (locale, expected) => {
    expect(languageFromLocale(locale)).toBe(expected);
  });

  it.each([["fr"], ["fr-FR"], ["ms-MY"], ["ind"], ["eng"], [""], [undefined], [null]] as const)("%s -> null", (locale) => {
    expect(languageFromLocale(locale)).toBeNull();
  });
});
