/**
 * The Discord sender against the fake Discord's REST API, on both databases:
 * nonces that make a repeated send harmless, Discord's answers as delivery
 * failures (429 handed back with its Retry-After, 5xx transient, 50007 closed
 * DMs), and a pairing's private thread: made once even by two senders at
 * once, members kept in step with the pairing after a restart, reopened when
 * archived, made again when deleted.
 */
import { ChannelType, REST } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discordFailure, discordSender, nonceFor } from "../../src/adapters/discord/sender";
import { createAppCore, platformStore } from "../../src/app";
import type { Message } from "../../src/core/messages/message";
import { ManualClock } from "../../src/core/time/clock";
import { DeliveryFailure } from "../../src/delivery/delivery-failure";
import { Dispatcher } from "../../src/delivery/dispatcher";
import type { Outgoing, Target } from "../../src/delivery/outgoing";
import { repositories } from "../../src/store/kysely-store";
import { defaultGuild, FAKE_IDS, FakeDiscord } from "../support/fake-discord";
import { START, submit } from "../support/harness";
import { useTestDb } from "../support/test-db";

const TOKEN = "fake-bot-token";
const APP = FAKE_IDS.application;
const CHANNEL = FAKE_IDS.programChannel;
const OLGA = FAKE_IDS.owner;
const ANI = FAKE_IDS.member;
const BUDI = FAKE_IDS.otherMember;
const CITRA = "1400000000000000004";

const tdb = useTestDb();
let fake: FakeDiscord;
let clock: ManualClock;

beforeEach(async () => {
  fake = new FakeDiscord({ token: TOKEN, guilds: [{ ...defaultGuild(), members: [ANI, BUDI, CITRA] }] });
  await fake.start();
  clock = new ManualClock(START);
});
afterEach(async () => {
  await fake.stop();
});

const newSender = () => discordSender({ token: TOKEN, apiUrl: fake.apiUrl, store: platformStore(tdb.db.kysely), clock });
const text = (t: string): Message => ({ blocks: [{ type: "text", text: t }] });

/** A program in the fake's channel with Ani and Budi paired, made through the core as Discord would. */
async function world() {
  const core = createAppCore({ db: tdb.db, clock });
  const names: Record<string, string> = { [OLGA]: "Olga", [ANI]: "Ani", [BUDI]: "Budi", [CITRA]: "Citra" };
  const as = (user: string, command: Record<string, unknown>) =>
    core.execute({
      actor: {
        platform: "discord",
        tenantId: APP,
        space: FAKE_IDS.guild,
        userId: user,
        displayName: names[user] ?? user,
        isAdmin: user === OLGA,
      },
      channelId: CHANNEL,
      command,
    });
  await as(OLGA, { type: "program.setup", name: "Kopi", language: "en" });
  await as(OLGA, { type: "round.open" });
  for (const [user, language] of [
    [ANI, "id"],
    [BUDI, "en"],
    [CITRA, "en"],
  ] as const) {
    const intake = { expertise: "SQL", goals: "design", team: user, timezone: "Asia/Jakarta", language, partnersWanted: 1 };
    await as(user, submit({ type: "round.join" }, { ...intake }));
  }
  const tenant = await tdb.db.kysely.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
  const program = await tdb.db.kysely.selectFrom("programs").select("id").executeTakeFirstOrThrow();
  const round = await tdb.db.kysely.selectFrom("rounds").select("id").executeTakeFirstOrThrow();
  const member = async (user: string) =>
    (await tdb.db.kysely.selectFrom("members").select("id").where("external_id", "=", user).executeTakeFirstOrThrow()).id;
  const pairing = await repositories(tdb.db.kysely).pairings.create({
    roundId: round.id,
    memberIds: [await member(ANI), await member(BUDI)],
    at: clock.now(),
  });
  return { tenantId: tenant.id, programId: program.id, pairingId: pairing.id, member };
}

let ids = 0;
function outgoing(w: { tenantId: string; programId: string }, key: string, target: Target, message = text(key)): Outgoing {
  return {
    id: ++ids,
    key,
    platform: "discord",
    tenantId: w.tenantId,
    tenantExternalId: APP,
    audience:
      target.kind === "group"
        ? { kind: "pairing", pairingId: target.pairingId }
        : target.kind === "channel"
          ? { kind: "channel", programId: w.programId }
          : { kind: "member", memberId: "unused" },
    target,
    message,
    attempts: 0,
    conversation: key,
    programId: w.programId,
    reachMemberId: null,
    dmBlocked: false,
    leaseUntil: new Date(clock.now().getTime() + 60_000),
  };
}

describe("Discord sender", () => {
  it("posts with a nonce from the row's key (enforced), so a repeated send is dropped; long messages in parts", async () => {
    const w = await world();
    const sender = newSender();
    const row = outgoing(w, "round-open:1", { kind: "channel", channelId: CHANNEL });
    const first = await sender.send(row);
    const again = await sender.send(row);
    expect(again).toEqual(first);
    expect(first.platformMessageId).toMatch(new RegExp(`^${CHANNEL}:\\d+$`));
    expect(fake.messagesIn(CHANNEL)).toHaveLength(1);
    const posts = fake.of("POST", new RegExp(`^/channels/${CHANNEL}/messages$`));
    expect(posts.map((c) => c.body)).toEqual([
      expect.objectContaining({ content: "round-open:1", nonce: nonceFor("round-open:1"), enforce_nonce: true }),
      expect.objectContaining({ nonce: nonceFor("round-open:1"), enforce_nonce: true }),
    ]);
    expect(nonceFor("round-open:1").length).toBeLessThanOrEqual(25);

    const long = outgoing(w, "long", { kind: "channel", channelId: CHANNEL }, text(`${"a".repeat(1500)}\n${"b".repeat(1500)}`));
    await sender.send(long);
    const parts = fake.of("POST", new RegExp(`^/channels/${CHANNEL}/messages$`)).slice(2);
    expect(parts.map((c) => (c.body as { nonce: string }).nonce)).toEqual([nonceFor("long", 0), nonceFor("long", 1)]);
  });

  it("opens a DM channel once per member; 50007 is dm-closed, and nothing is retried inside", async () => {
    const w = await world();
    const sender = newSender();
    await sender.send(outgoing(w, "dm-1", { kind: "dm", userId: ANI }));
    await sender.send(outgoing(w, "dm-2", { kind: "dm", userId: ANI }));
    expect(fake.of("POST", /^\/users\/@me\/channels$/)).toHaveLength(1);
    expect(fake.messagesIn(`dm-${ANI}`).map((m) => m.content)).toEqual(["dm-1", "dm-2"]);

    fake.fail("POST", new RegExp(`^/channels/dm-${BUDI}/messages$`), { status: 403, code: 50007 });
    const failure = await sender.send(outgoing(w, "dm-3", { kind: "dm", userId: BUDI })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(failure).toMatchObject({ kind: "dm-closed" });
    expect(fake.of("POST", new RegExp(`^/channels/dm-${BUDI}/messages$`))).toHaveLength(1);
  });

  it("fails a message it cannot render at once, with no fallback, and what follows in the DM still goes out", async () => {
    const w = await world();
    // A button whose command cannot fit Discord's 100-character custom_id (free text has no compact form).
    const unfit: Message = {
      blocks: [
        { type: "text", text: "unfit" },
        {
          type: "actions",
          elements: [
            { type: "button", label: "x", action: { kind: "command", command: { type: "program.setup", name: "n".repeat(90) } } },
          ],
        },
      ],
    };
    const failure = await newSender()
      .send(outgoing(w, "unfit", { kind: "dm", userId: ANI }, unfit))
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: "unsendable" });
    expect(fake.messagesIn(`dm-${ANI}`)).toEqual([]);

    // Through the dispatcher: one attempt, failed, no fallback written; the next row of Ani's DM is sent.
    // What the world wrote so far (the announcement, intake replies) is not this test's.
    await tdb.db.kysely.updateTable("outbox").set({ status: "sent", sent_at: clock.now() }).execute();
    const r = repositories(tdb.db.kysely);
    const ani = await w.member(ANI);
    for (const [key, message] of [
      ["unfit", unfit],
      ["after", text("after")],
    ] as const)
      await r.outbox.enqueue({
        tenantId: w.tenantId,
        key,
        audience: { kind: "member", memberId: ani },
        message,
        at: clock.now(),
        programId: w.programId,
      });
    const stats = await new Dispatcher(tdb.db.kysely, newSender(), clock, { worker: "t", concurrency: 1 }).dispatchPending();
    expect(stats).toMatchObject({ failed: 1, sent: 1, retried: 0 });
    const rows = await tdb.db.kysely
      .selectFrom("outbox")
      .select(["idempotency_key", "status", "attempts", "last_error"])
      .where("status", "!=", "sent")
      .execute();
    expect(rows).toEqual([
      { idempotency_key: "unfit", status: "failed", attempts: 1, last_error: expect.stringMatching(/^unsendable: render: /) },
    ]);
    expect(fake.messagesIn(`dm-${ANI}`).map((m) => m.content)).toEqual(["after"]);
    expect(await tdb.db.kysely.selectFrom("outbox").select("id").where("status", "=", "pending").execute()).toEqual([]);
  });

  it("hands a 429 back with its Retry-After (the dispatcher reschedules); 5xx is transient, 403 permanent", async () => {
    const w = await world();
    const sender = newSender();
    fake.fail("POST", new RegExp(`^/channels/${CHANNEL}/messages$`), { status: 429, retryAfter: 7, times: 1 });
    const limited = await sender.send(outgoing(w, "c1", { kind: "channel", channelId: CHANNEL })).catch((e: unknown) => e);
    expect(limited).toMatchObject({ kind: "rate-limited", scope: "conversation" });
    expect((limited as DeliveryFailure).retryAfterMs).toBeGreaterThanOrEqual(7000);
    expect((limited as DeliveryFailure).retryAfterMs).toBeLessThan(8000);
    // One request: @discordjs/rest did not wait and retry by itself.
    expect(fake.of("POST", new RegExp(`^/channels/${CHANNEL}/messages$`))).toHaveLength(1);

    // Through the dispatcher, on an outbox row: waits 7 s, and the wait is not an attempt.
    const dispatcher = new Dispatcher(tdb.db.kysely, newSender(), clock, { worker: "t", concurrency: 1 });
    fake.fail("POST", new RegExp(`^/channels/${CHANNEL}/messages$`), { status: 429, retryAfter: 7, global: true, times: 1 });
    await tdb.db.kysely
      .insertInto("outbox")
      .values({
        tenant_id: w.tenantId,
        idempotency_key: "news",
        audience_kind: "channel",
        program_id: w.programId,
        message: JSON.stringify(text("news")),
        created_at: clock.now(),
        available_at: clock.now(),
        context_program_id: w.programId,
      })
      .execute();
    // The round announcement the world made is delivered first (the 429 hits it).
    expect(await dispatcher.dispatchPending()).toMatchObject({ waited: 1 });
    const held = await tdb.db.kysely.selectFrom("outbox").selectAll().where("status", "=", "pending").orderBy("id").execute();
    expect(held[0]?.available_at.getTime()).toBeGreaterThanOrEqual(clock.now().getTime() + 7000);
    expect(held[0]?.attempts).toBe(0);
    expect(held[0]?.last_error).toBe("rate-limited");

    fake.fail("POST", /^\/channels\/\d+\/messages$/, { status: 502, times: 1 });
    expect(
      await newSender()
        .send(outgoing(w, "c2", { kind: "channel", channelId: CHANNEL }))
        .catch((e: unknown) => e),
    ).toMatchObject({
      kind: "transient",
    });
    fake.fail("POST", /^\/channels\/\d+\/messages$/, { status: 403, code: 50001, times: 1 });
    expect(
      await newSender()
        .send(outgoing(w, "c3", { kind: "channel", channelId: CHANNEL }))
        .catch((e: unknown) => e),
    ).toMatchObject({
      kind: "permanent",
      message: "403 50001",
    });
    expect(discordFailure(new Error("socket hang up"))).toMatchObject({ kind: "transient" });
  });

  it("makes a pairing's private thread once, even with two senders at once; members added and pointed to it by DM", async () => {
    const w = await world();
    const group: Target = { kind: "group", pairingId: w.pairingId, userIds: [ANI, BUDI], channelId: CHANNEL };
    const row = outgoing(w, "intro:1", group);
    const [one, two] = await Promise.all([newSender().send(row), newSender().send(row)]);
    expect(one).toEqual(two);
    const stored = await tdb.db.kysely.selectFrom("pairing_conversations").selectAll().execute();
    expect(stored).toHaveLength(1);
    const thread = stored[0]?.conversation_id as string;
    expect(one.platformMessageId?.startsWith(`${thread}:`)).toBe(true);
    expect(fake.messagesIn(thread).map((m) => m.content)).toEqual(["intro:1"]);
    expect(fake.threadMembers(thread).sort()).toEqual([APP, ANI, BUDI].sort());
    const threads = fake.threads() as unknown as Array<{
      id: string;
      type: number;
      name: string;
      thread_metadata: Record<string, unknown>;
    }>;
    for (const t of threads) {
      expect(t.type).toBe(ChannelType.PrivateThread);
      expect(t.thread_metadata.invitable).toBe(false);
      expect(t.name).toBe("Mentoring: Ani and Budi");
    }
    // A thread made by the sender that lost the race stays empty, archived and locked.
    for (const t of threads.filter((x) => x.id !== thread))
      expect(t.thread_metadata).toMatchObject({ archived: true, locked: true });
    // One pointer each, in the member's own language (Ani reads Indonesian); a repeat is dropped by its nonce.
    expect(fake.messagesIn(`dm-${ANI}`).map((m) => m.content)).toEqual([
      `Utas mentoring pribadi Anda bersama Budi sudah siap: <#${thread}>. Silakan saling sapa di sana!`,
    ]);
    expect(fake.messagesIn(`dm-${BUDI}`).map((m) => m.content)).toEqual([
      `Your private mentoring thread with Ani is ready: <#${thread}>. Say hello there!`,
    ]);
  });

  it("after a restart, keeps the thread's members in step with the pairing: who left is removed, who joined is added", async () => {
    const w = await world();
    await newSender().send(
      outgoing(w, "intro:1", { kind: "group", pairingId: w.pairingId, userIds: [ANI, BUDI], channelId: CHANNEL }),
    );
    const thread = (await tdb.db.kysely.selectFrom("pairing_conversations").select("conversation_id").executeTakeFirstOrThrow())
      .conversation_id;
    const pairings = repositories(tdb.db.kysely).pairings;
    await pairings.removeMember(w.pairingId, await w.member(ANI), clock.now());
    await pairings.addMember(w.pairingId, await w.member(CITRA), clock.now());
    const putsBefore = fake.of("PUT", /thread-members/).length;

    // A new process: nothing cached.
    await newSender().send(
      outgoing(w, "joined", { kind: "group", pairingId: w.pairingId, userIds: [BUDI, CITRA], channelId: CHANNEL }),
    );
    expect(fake.threadMembers(thread).sort()).toEqual([APP, BUDI, CITRA].sort());
    // Budi was checked, not added again; only Citra was added and pointed to the thread.
    expect(
      fake
        .of("PUT", /thread-members/)
        .slice(putsBefore)
        .map((c) => c.path),
    ).toEqual([`/channels/${thread}/thread-members/${CITRA}`]);
    expect(fake.of("DELETE", /thread-members/).map((c) => c.path)).toEqual([`/channels/${thread}/thread-members/${ANI}`]);
    expect(fake.messagesIn(`dm-${BUDI}`)).toHaveLength(1);
    expect(fake.messagesIn(`dm-${CITRA}`).map((m) => m.content)).toEqual([
      `Your private mentoring thread with Budi is ready: <#${thread}>. Say hello there!`,
    ]);
    expect(fake.messagesIn(thread).map((m) => m.content)).toEqual(["intro:1", "joined"]);
  });

  it("reopens an archived thread; makes a new one when the thread was deleted", async () => {
    const w = await world();
    const sender = newSender();
    const group: Target = { kind: "group", pairingId: w.pairingId, userIds: [ANI, BUDI], channelId: CHANNEL };
    await sender.send(outgoing(w, "intro:1", group));
    const thread = (await tdb.db.kysely.selectFrom("pairing_conversations").select("conversation_id").executeTakeFirstOrThrow())
      .conversation_id;
    // A week without messages: Discord archived it.
    const rest = new REST({ version: "10", api: fake.apiUrl }).setToken(TOKEN);
    await rest.patch(`/channels/${thread}`, { body: { archived: true } });
    await sender.send(outgoing(w, "reminder:1", group));
    expect(fake.messagesIn(thread).map((m) => m.content)).toEqual(["intro:1", "reminder:1"]);
    expect((fake.channel(thread) as unknown as { thread_metadata: { archived: boolean } }).thread_metadata.archived).toBe(false);

    // A moderator deleted it: this attempt fails (transient), the next makes a new thread and adds both again.
    fake.fail("POST", new RegExp(`^/channels/${thread}/messages$`), { status: 404, code: 10003, times: 1 });
    expect(await sender.send(outgoing(w, "reminder:2", group)).catch((e: unknown) => e)).toMatchObject({ kind: "transient" });
    await sender.send(outgoing(w, "reminder:2", group));
    const again = (await tdb.db.kysely.selectFrom("pairing_conversations").select("conversation_id").executeTakeFirstOrThrow())
      .conversation_id;
    expect(again).not.toBe(thread);
    expect(fake.messagesIn(again).map((m) => m.content)).toEqual(["reminder:2"]);
    expect(fake.threadMembers(again).sort()).toEqual([APP, ANI, BUDI].sort());
  });
});
