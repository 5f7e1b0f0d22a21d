import type { Translate } from "../i18n/translate";
import type { Message } from "../messages";
import { heading, message, text } from "./blocks";

export function helpMessage(t: Translate, showOrganizer: boolean): Message {
  return message(
    heading(t("help.title")),
    text(t("help.intro")),
    // The profile line is its own key (issue 13), appended to the member list.
    text(`${t("help.member")}\n${t("help.profile")}`),
    showOrganizer && text(`${t("help.organizer")}\n${t("help.topics")}`),
  );
}
