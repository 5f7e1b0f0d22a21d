/**
 * An audit event in the reader's words: what was done, with the settings it
 * recorded. Details are read defensively (rows outlive code): a value of an
 * unexpected shape is left out rather than shown.
 */
import type { Language } from "../domain";
import type { Translate } from "../i18n/translate";
import { weekdayName } from "../time/time-format";
import type { AuditRecord } from "./audit-event";
import { isAuditAction } from "./audit-event";

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const shortened = (v: string, max = 80) => (v.length > max ? `${v.slice(0, max - 1)}…` : v);

function hours(details: Record<string, unknown>, language: Language): string {
  const from = num(details.from);
  const until = num(details.until);
  const parts: string[] = [];
  if (from !== null || until !== null) parts.push(`${from ?? "…"}–${until ?? "…"}`);
  if (Array.isArray(details.workingDays))
    parts.push(
      details.workingDays
        .map(num)
        .filter((d): d is number => d !== null && d >= 1 && d <= 7)
        .map((d) => weekdayName(d, language))
        .join(", "),
    );
  return parts.join("; ");
}

function weights(details: Record<string, unknown>): string {
  const w = details.weights;
  if (typeof w !== "object" || w === null) return "";
  return Object.entries(w)
    .filter(([, v]) => num(v) !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

/** `names`: display names of the members events name (an organizer added), by member id. */
export function describeEvent(t: Translate, language: Language, event: AuditRecord, names: ReadonlyMap<string, string>): string {
  const d = event.details;
  if (!isAuditAction(event.action)) return t("audit.action.other", { action: shortened(event.action, 40) });
  const round = num(d.round) ?? "?";
  switch (event.action) {
    case "program.setup":
      return t("audit.action.program.setup");
    case "round.open":
      return t("audit.action.round.open", { round });
    case "round.match":
      return t("audit.action.round.match", { round });
    case "round.close":
      return t("audit.action.round.close", { round });
    case "program.weights":
      return t("audit.action.program.weights", { values: weights(d) });
    case "program.hours":
      return t("audit.action.program.hours", { values: hours(d, language) });
    case "program.organizer": {
      const name = typeof d.memberId === "string" ? names.get(d.memberId) : undefined;
      return t("audit.action.program.organizer", { name: name ?? t("audit.nobody") });
    }
    case "program.role":
      return t(typeof d.roleId === "string" ? "audit.action.program.role" : "audit.action.program.roleCleared");
    case "program.topics":
      return t("audit.action.program.topics", { values: typeof d.change === "string" ? shortened(d.change) : "" });
    case "setup.access":
      return t("audit.action.setup.access", { values: typeof d.who === "string" ? shortened(d.who, 110) : "" });
    case "program.report":
      return d.format === "csv" ? t("audit.action.program.reportCsv", { round }) : t("audit.action.program.report");
  }
}
