import { DateTime } from "luxon";
import { adminSpace, programInChannel, requireOrganizer } from "../access/scope";
import { describeEvent } from "../audit/describe-event";
import type { Program } from "../domain";
import { Refusal } from "../errors";
import { timezoneOf } from "../messages/notify";
import { formatZone } from "../time/time-format";
import { heading, message, muted, text } from "../views/blocks";
import { reply, type UseCase } from "./types";

/** How many of the newest events one reply shows. */
export const AUDIT_SHOWN = 20;

const WHEN: Record<"id" | "en", string> = { id: "d LLL yyyy, HH.mm", en: "d LLL yyyy, HH:mm" };

/**
 * Who did what among organizers (issue 16, item 6): the channel's program (or the one a button
 * names), with its space's own actions (who may set up programs); in a DM, every program the actor
 * organizes. Only the program's organizers and the space's admins; never anything a member wrote,
 * since events hold only organizers' settings (audit/audited-commands.ts).
 */
export const showAudit: UseCase<"program.audit"> = async (ctx, command) => {
  let programs: Program[];
  let spaces: string[] = [];
  if (command.programId || ctx.channelId) {
    const program = await programInChannel(ctx, command.programId);
    await requireOrganizer(ctx, program);
    programs = [program];
    if (program.spaceId) spaces = [program.spaceId];
  } else {
    programs = await ctx.tx.programs.organizedBy(ctx.tenant.id, ctx.member.id, adminSpace(ctx));
    if (programs.length === 0) throw new Refusal("refusal.notOrganizer");
  }
  const [first] = programs as [Program, ...Program[]];
  const events = await ctx.tx.audit.latest(
    ctx.tenant.id,
    { programIds: programs.map((p) => p.id), spaceIds: spaces },
    AUDIT_SHOWN,
  );
  const named = events.flatMap((e) => [
    ...(e.actorMemberId ? [e.actorMemberId] : []),
    ...(typeof e.details.memberId === "string" ? [e.details.memberId] : []),
  ]);
  const names = new Map((await ctx.tx.members.getMany([...new Set(named)])).map((m) => [m.id, m.displayName]));
  const programNames = new Map(programs.map((p) => [p.id, p.name]));
  const zone = timezoneOf(ctx.member, first);
  const lines = events.map((e) => {
    const params = {
      when: DateTime.fromJSDate(e.at).setZone(zone).setLocale(ctx.language).toFormat(WHEN[ctx.language]),
      who: (e.actorMemberId && names.get(e.actorMemberId)) || ctx.t("audit.nobody"),
      what: describeEvent(ctx.t, ctx.language, e, names),
    };
    return programs.length > 1 && e.programId
      ? ctx.t("audit.lineIn", { ...params, program: programNames.get(e.programId) ?? "" })
      : ctx.t("audit.line", params);
  });
  return reply(
    message(
      heading(programs.length > 1 ? ctx.t("audit.titleAll") : ctx.t("audit.title", { name: first.name })),
      muted(ctx.t("audit.intro", { count: AUDIT_SHOWN, zone: formatZone(zone, ctx.language, ctx.now) })),
      lines.length === 0 ? text(ctx.t("audit.empty")) : text(lines.join("\n")),
    ),
  );
};
