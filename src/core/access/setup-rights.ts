/**
 * Who may set up a program: a setting of each workspace or server. Its admins
 * always may; besides them, whoever the admins allowed with `/mentoring
 * access` (everyone, members with a role, or named people). Nobody else, so
 * that running `/mentoring setup` in #general does not make anyone an
 * organizer of anything.
 */
import type { Context } from "../context";
import type { Language } from "../domain";
import { Refusal } from "../errors";
import { richTranslator, translator } from "../i18n/translate";
import type { Message } from "../messages/message";
import { mentionRole, mentionUser } from "../messages/rich-text";
import { message, text } from "../views/blocks";
import { adminSpace } from "./scope";

/** The space a setting applies to: where the actor acted (a DM has none). */
export function spaceOf(ctx: Context): string {
  if (!ctx.actor.space) throw new Refusal("refusal.needSpace");
  return ctx.actor.space;
}

/** Refuses unless the actor may set up a program where they act; returns that space. */
export async function requireSetupRight(ctx: Context): Promise<string> {
  const space = spaceOf(ctx);
  if (adminSpace(ctx) === space) return space;
  const grantees = new Set(await ctx.tx.setupAccess.list(ctx.tenant.id, space));
  const allowed =
    grantees.has("everyone") ||
    grantees.has(`user:${ctx.actor.userId}`) ||
    (ctx.actor.roles ?? []).some((role) => grantees.has(`role:${role}`));
  if (!allowed) throw new Refusal("refusal.setupNotAllowed");
  return space;
}

/** The setting after `who`: admins only, everyone, or one more role or person (which ends "everyone"). */
export function nextGrantees(current: readonly string[], who: string): string[] {
  if (who === "admins") return [];
  if (who === "everyone") return ["everyone"];
  return [...current.filter((g) => g !== "everyone" && g !== who), who];
}

/** The setting as a member reads it: one line for admins only or everyone; else who, one per line. */
export function describeAccess(language: Language, grantees: readonly string[]): Message {
  const t = translator(language);
  if (grantees.length === 0) return message(text(t("access.admins")));
  if (grantees.includes("everyone")) return message(text(t("access.everyone")));
  const rich = richTranslator(language);
  const named = grantees.map((g) => {
    const [kind, id = ""] = g.split(/:(.*)/s);
    return kind === "role" ? rich("access.role", { role: mentionRole(id) }) : rich("access.user", { user: mentionUser(id) });
  });
  return message(text(t("access.some")), ...named.map((line) => text(line)));
}
