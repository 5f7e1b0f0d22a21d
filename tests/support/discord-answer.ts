/**
 * What a member sees after one interaction on the fake Discord: the callback's
 * type, the text of every answer (callback, edits, follow-ups), the modal shown
 * and the buttons offered. Waits until the fake has been quiet for 150 ms.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { FakeDiscord, FakeInteraction, ModalData } from "./fake-discord";

export interface DiscordAnswer {
  id: string;
  type: number | undefined;
  text: string;
  modal: ModalData | undefined;
  buttons: Array<{ custom_id: string; label: string }>;
}

export async function answerOf(fake: FakeDiscord, payload: FakeInteraction): Promise<DiscordAnswer> {
  await fake.interact(payload);
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await sleep(150);
  }
  const calls = fake.responsesTo(payload.id);
  const bodies = calls
    .map((c) => (c.path.endsWith("/callback") ? (c.body as { data?: Record<string, unknown> }).data : c.body))
    .filter((b): b is Record<string, unknown> => typeof b === "object" && b !== null);
  return {
    id: payload.id,
    type: (calls.find((c) => c.path.endsWith("/callback"))?.body as { type?: number } | undefined)?.type,
    text: bodies.map((b) => b.content ?? "").join("\n"),
    modal: fake.modalShown(payload.id),
    buttons: bodies.flatMap((b) =>
      ((b.components ?? []) as Array<{ components?: Array<{ custom_id?: string; label?: string }> }>).flatMap((row) =>
        (row.components ?? []).flatMap((c) => (c.custom_id ? [{ custom_id: c.custom_id, label: c.label ?? "" }] : [])),
      ),
    ),
  };
}

/** A component of a message the fake Discord holds: a button (custom or link) or a select. */
export interface ShownComponent {
  label?: string;
  custom_id?: string;
  style?: number;
  url?: string;
}

/** Every component of a stored message, row by row, in order. */
export function componentsOf(message: { components?: unknown }): ShownComponent[] {
  return ((message.components ?? []) as Array<{ components?: ShownComponent[] }>).flatMap((row) => row.components ?? []);
}
