import { Refusal } from "../errors";
import { ATTACHMENT_MAX_BYTES, attachmentBytes } from "../messages/attachment";
import { myDataDocument } from "../privacy/my-data-document";
import { DEFAULT_TIMEZONE } from "../time/timezones";
import { message, text } from "../views/blocks";
import { privacyCommand } from "../views/help";
import { myDataSummary } from "../views/my-data-summary";
import { reply, type UseCase } from "./types";

/**
 * `/mentoring mydata`: everything Sebaya holds about the actor in this tenant,
 * as a summary and a JSON file in their own DM. The command carries no id, so
 * nobody can ask for anyone else's. The row names no program: a DM that
 * cannot be delivered is never replaced by a channel message (the fallback
 * needs a program), so the export is only ever seen by its member.
 */
export const exportMyData: UseCase<"data.export"> = async (ctx) => {
  const { t, tx, member, now } = ctx;
  const data = await tx.myData.of(ctx.tenant.id, member.id);
  const file = myDataDocument(data, now);
  if (attachmentBytes(file) > ATTACHMENT_MAX_BYTES) throw new Refusal("mydata.tooLarge");
  const zone = member.timezone ?? DEFAULT_TIMEZONE;
  const summary = myDataSummary(t, ctx.language, data, file.name, now, zone, privacyCommand(ctx.actor.platform));
  await tx.outbox.enqueue({
    tenantId: ctx.tenant.id,
    key: `mydata:${member.id}:${now.toISOString()}`,
    audience: { kind: "member", memberId: member.id },
    message: { ...summary, attachment: file },
    at: now,
  });
  return reply(message(text(t("mydata.sent", { file: file.name }))));
};
