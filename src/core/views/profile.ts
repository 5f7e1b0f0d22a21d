/** A member's own profile, as only they see it: what they share, want to learn, like, and their team. */
import type { Language, Profile, Program } from "../domain";
import type { Translate } from "../i18n/translate";
import type { Message } from "../messages/message";
import { formatZone } from "../time/time-format";
import { actions, fields, formButton, heading, message, muted } from "./blocks";

/**
 * The profile with its Edit button. Member text goes in field values, which every renderer escapes,
 * so nothing written there can mention anyone.
 */
export function profileMessage(
  t: Translate,
  language: Language,
  program: Program,
  profile: Profile,
  timezone: string,
  now: Date,
): Message {
  const zone = formatZone(timezone, language, now);
  return message(
    heading(t("profile.title", { program: program.name })),
    fields([
      [t("field.expertise"), profile.expertise.join(", ")],
      [t("field.goals"), profile.goals.join(", ")],
      [t("field.interests"), profile.interests.length > 0 ? profile.interests.join(", ") : t("profile.noInterests")],
      [t("field.team"), profile.team],
      [t("field.timezone"), zone === timezone ? timezone : `${timezone} (${zone})`],
    ]),
    muted(t("profile.nextRound")),
    actions(formButton(t("profile.editButton"), { type: "profile.edit", programId: program.id }, "primary")),
  );
}
