/**
 * Writing outgoing messages to the outbox, each in its readers' language.
 * Use cases call these inside their transaction; delivery happens later.
 */
import type { Audience, Language, Member, Program } from "../domain";
import { type Translate, translator } from "../i18n/translate";
import type { Tx } from "../ports";
import type { Block, Message } from "./message";

export type Build = (t: Translate, language: Language) => Message;

export function languageOf(member: Member, program: Program): Language {
  return member.language ?? program.language;
}

export function timezoneOf(member: Member, program: Program): string {
  return member.timezone ?? program.timezone;
}

async function enqueue(tx: Tx, program: Program, key: string, audience: Audience, message: Message, at: Date, notBefore?: Date) {
  await tx.outbox.enqueue({
    tenantId: program.tenantId,
    key,
    audience,
    message,
    at,
    programId: program.id,
    ...(notBefore && notBefore > at ? { availableAt: notBefore } : {}),
  });
}

/** `notBefore`: hold the message until then (quiet hours); the default is at once. */
export async function notifyMember(
  tx: Tx,
  program: Program,
  member: Member,
  key: string,
  at: Date,
  build: Build,
  notBefore?: Date,
) {
  const language = languageOf(member, program);
  await enqueue(tx, program, key, { kind: "member", memberId: member.id }, build(translator(language), language), at, notBefore);
}

export async function notifyChannel(tx: Tx, program: Program, key: string, at: Date, build: Build) {
  const language = program.language;
  await enqueue(tx, program, key, { kind: "channel", programId: program.id }, build(translator(language), language), at);
}

/**
 * One message to a pair or trio's shared conversation. When its members read
 * different languages, the text appears in each; actions once (first language).
 */
export async function notifyPairing(
  tx: Tx,
  program: Program,
  pairingId: string,
  members: readonly Member[],
  key: string,
  at: Date,
  build: Build,
  notBefore?: Date,
) {
  const languages = [...new Set(members.map((m) => languageOf(m, program)))].sort((a, b) =>
    a === program.language ? -1 : b === program.language ? 1 : 0,
  );
  const messages = languages.map((l) => build(translator(l), l));
  const message = mergeLanguages(messages);
  await enqueue(tx, program, key, { kind: "pairing", pairingId }, message, at, notBefore);
}

function mergeLanguages(messages: Message[]): Message {
  const [first, ...rest] = messages;
  if (!first) return { blocks: [] };
  if (rest.length === 0) return first;
  const text = (m: Message) => m.blocks.filter((b) => b.type !== "actions");
  const blocks: Block[] = [...text(first)];
  for (const other of rest) blocks.push({ type: "divider" }, ...text(other));
  blocks.push(...first.blocks.filter((b) => b.type === "actions"));
  return { blocks };
}
