import type { Translate } from "../i18n/translate";
import type { Message } from "../messages";
import { heading, message, text } from "./blocks";

export function helpMessage(t: Translate, showOrganizer: boolean): Message {
  return message(
    heading(t("help.title")),
    text(t("help.intro")),
    text(t("help.member")),
    showOrganizer && text(t("help.organizer")),
  );
}
