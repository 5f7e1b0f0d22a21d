import { COMMAND_TABLE, commandPrefix, helpKeys } from "../commands/command-table";
import type { Platform } from "../domain";
import type { Translate } from "../i18n/translate";
import type { Message } from "../messages/message";
import { heading, message, muted, text } from "./blocks";

/**
 * The help lists each audience's words through the help keys the command table names for them,
 * in the table's order (help.member then help.profile; help.organizer then help.topics).
 */
export function helpMessage(t: Translate, showOrganizer: boolean, platform: Platform): Message {
  // The data-rights words are typed after another command on Discord (see `discordCommand`).
  const command = privacyCommand(platform);
  const lines = (audience: "member" | "organizer") =>
    helpKeys(audience)
      .map((key) =>
        t(key, { command: key === "help.calendar" ? calendarCommand(platform) : command, csv: reportCsvCommand(platform) }),
      )
      .join("\n");
  return message(
    heading(t("help.title")),
    text(t("help.intro")),
    text(lines("member")),
    showOrganizer && text(lines("organizer")),
    // issue 16: the privacy notice in short, where every member looks first.
    muted(t("privacy.summary", { command })),
  );
}

/** How the calendar word is typed before its argument: `/mentoring calendar`, or `/calendar` alone on Discord (issue 18). */
export const calendarCommand = (platform: Platform): string =>
  platform === "discord" ? commandPrefix(platform, COMMAND_TABLE.calendar) : "/mentoring calendar";

/** How the organizers' CSV is asked for: typed after `report`, or Discord's `export` option of it. */
export const reportCsvCommand = (platform: Platform): string =>
  platform === "discord" ? "/mentoring report export: csv" : "/mentoring report csv";

/** How the data-rights words are typed on a platform: `/mentoring` there, `/privacy` on Discord. */
export const privacyCommand = (platform: Platform): string => commandPrefix(platform, COMMAND_TABLE.mydata);
