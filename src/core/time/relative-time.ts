/**
 * A moment said relative to when the reader reads it ("today at 10:00 WIB",
 * "in 2 hours", "tomorrow at 10:00 WIB"), in their zone and language. Worded
 * at the moment a message is written for sending, never ahead of time: a
 * reminder held by quiet hours over a weekend must not say "tomorrow" on the
 * day itself.
 */
import { DateTime } from "luxon";
import type { Language } from "../domain";
import type { Translate } from "../i18n/translate";
import { MINUTE_MS } from "./durations";
import { formatClock, formatDateTime, formatZone } from "./time-format";

/** Closer than this, the hours and minutes left say more than the clock. */
const COUNTDOWN_MINUTES = 3 * 60;

export function formatRelative(at: Date, now: Date, zone: string, language: Language, t: Translate): string {
  const local = DateTime.fromJSDate(at).setZone(zone);
  const today = DateTime.fromJSDate(now).setZone(zone).startOf("day");
  const clock = `${formatClock(local.toFormat("HH:mm"), language)} ${formatZone(zone, language, at)}`;
  const minutes = Math.round((at.getTime() - now.getTime()) / MINUTE_MS);
  if (minutes > 0 && minutes < 60) return t("time.inMinutes", { minutes, time: clock });
  if (minutes >= 60 && minutes < COUNTDOWN_MINUTES) return t("time.inHours", { hours: Math.round(minutes / 60), time: clock });
  const days = Math.round(local.startOf("day").diff(today, "days").days);
  if (days === 0) return t("time.today", { time: clock });
  if (days === 1) return t("time.tomorrow", { time: clock });
  return formatDateTime(at, zone, language);
}
