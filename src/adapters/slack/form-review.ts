/**
 * A submitted form read back (`Reply.review`) on Slack: the answers wait in
 * form_drafts (an hour, this member only), the review's buttons name the
 * draft, and a press takes it: Confirm sends the answers again, confirmed;
 * Fix opens the form prefilled in a modal. A button value never holds the
 * answers, and a draft is taken once, so a review is answered once.
 */
import { randomUUID } from "node:crypto";
import type { Language } from "../../core/domain";
import type { Reply } from "../../core/messages/message";
import { withReviewRef } from "../../core/views/reading-summary";
import type { DraftDocument, DraftOwner, FormDrafts } from "../platform-port";

export interface ReviewPress {
  choice: "confirm" | "fix";
  ref: string;
}

/** A review button's value (render.ts `encodeButton`), or null for any other value. */
export function reviewPress(value: string): ReviewPress | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== "object" || parsed === null || !("review" in parsed)) return null;
    const { review, ref } = parsed as { review: unknown; ref?: unknown };
    if ((review !== "confirm" && review !== "fix") || typeof ref !== "string") return null;
    return { choice: review, ref };
  } catch {
    return null;
  }
}

/**
 * Keeps a review's answers for `owner` and returns the reply with its buttons naming them; a reply
 * without a review as it is. Null when the tenant is not known (cannot happen after the core ran).
 */
export async function keepReview(
  drafts: FormDrafts,
  owner: DraftOwner,
  reply: Reply,
  where: { language: Language; channelId?: string },
  now: Date,
): Promise<Reply> {
  if (!reply.review) return reply;
  const id = randomUUID();
  const draft: DraftDocument = {
    form: reply.review.form,
    answers: reply.review.answers,
    language: where.language,
    ...(where.channelId ? { channelId: where.channelId } : {}),
  };
  const kept = await drafts.create(id, owner, draft, now);
  return kept ? { ...reply, messages: withReviewRef(reply.messages, id) } : reply;
}

/** The review a press answers, taken so it is answered once; null when it expired or was answered. */
export async function takeReview(drafts: FormDrafts, owner: DraftOwner, press: ReviewPress, now: Date) {
  return /^[0-9a-f-]{36}$/.test(press.ref) ? drafts.take(press.ref, owner, now) : null;
}

/** The review a press answers, left in place (Fix: taken only once its modal is open). */
export async function peekReview(drafts: FormDrafts, owner: DraftOwner, press: ReviewPress, now: Date) {
  return /^[0-9a-f-]{36}$/.test(press.ref) ? drafts.get(press.ref, owner, now) : null;
}
