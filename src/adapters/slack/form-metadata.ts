/**
 * What a modal carries between opening and submission (Slack's
 * `private_metadata`): the form's request, the program channel it was opened
 * from and the message to settle. Sealed with an HMAC under a secret of the
 * deployment, so a forged or altered submission is refused before the core
 * sees it: the channel in particular decides which program a command acts on.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { type FormRequest, formRequestSchema } from "../../core/commands/command";

export interface FormMetadata {
  request: FormRequest;
  /** The program channel the form was opened from, if any: some commands act on its program. */
  channel?: string;
  /** The message whose button opened the form, to settle once answered. */
  origin?: { channel: string; ts: string };
}

const slackId = z.string().min(1).max(64);
const metadataSchema = z.strictObject({
  request: formRequestSchema,
  channel: slackId.optional(),
  origin: z.strictObject({ channel: slackId, ts: z.string().min(1).max(64) }).optional(),
});

const VERSION = "s1";

function mac(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

export function sealMetadata(metadata: FormMetadata, key: Buffer): string {
  const body = JSON.stringify(metadata);
  return `${VERSION}.${mac(key, body)}.${body}`;
}

/** The metadata, or null when it was not sealed with `key` (forged, altered, or from another deployment). */
export function openMetadata(sealed: string, key: Buffer): FormMetadata | null {
  const [version, signature, ...rest] = sealed.split(".");
  if (version !== VERSION || !signature) return null;
  const body = rest.join(".");
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(body));
    return parsed.success ? (parsed.data as FormMetadata) : null;
  } catch {
    return null;
  }
}
