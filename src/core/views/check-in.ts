/** The one-click "did you meet?" answers, the same under the prompt and the nudge. */
import type { CheckInOutcome, Session } from "../domain";
import type { Translate } from "../i18n/translate";
import type { ActionsBlock } from "../messages/message";
import { actions, commandButton, formButton } from "./blocks";

export function checkInAnswers(t: Translate, session: Session): ActionsBlock {
  const answer = (outcome: Exclude<CheckInOutcome, "met">) => ({ type: "checkin" as const, sessionId: session.id, outcome });
  return actions(
    // "We met" opens the form: it asks the 1 to 5 rating and a private note.
    formButton(t("checkin.met"), { type: "checkin", sessionId: session.id }, "primary"),
    commandButton(t("checkin.rescheduled"), answer("rescheduled")),
    commandButton(t("checkin.notMet"), answer("not_met")),
  );
}
