/**
 * FakeDiscord.sendInteraction, the bench's way in (bench/interactions-discord.ts):
 * it returns before any answer, and the answers (a deferral, then the edit of the
 * original response, found by the interaction's token) still reach responsesTo.
 */
import { once } from "node:events";
import { Client, Events, GatewayIntentBits, MessageFlags } from "discord.js";
import { afterEach, expect, it } from "vitest";
import { FAKE_IDS, FakeDiscord } from "../support/fake-discord.js";

const TOKEN = "fake-bot-token";
let fake: FakeDiscord | null = null;
let client: Client | null = null;

afterEach(async () => {
  await client?.destroy();
  client = null;
  await fake?.stop();
  fake = null;
});

it("dispatches without waiting; a deferral and the edit after it are the interaction's responses", async () => {
  const f = new FakeDiscord({ token: TOKEN });
  fake = f;
  await f.start();
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: f.apiUrl } });
  client = c;
  const ready = once(c, Events.ClientReady);
  await c.login(TOKEN);
  await ready;
  c.on(Events.InteractionCreate, (i) => {
    if (!i.isChatInputCommand()) return;
    void (async () => {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply("noted");
    })();
  });

  const payloads = [
    f.slashCommand({ subcommand: "status" }),
    f.slashCommand({ subcommand: "status", user: FAKE_IDS.otherMember }),
  ];
  for (const p of payloads) f.sendInteraction(p);
  expect(payloads.map((p) => f.responsesTo(p.id))).toEqual([[], []]);

  for (const p of payloads) {
    const calls = await f.waitFor(() => (f.responsesTo(p.id).length >= 2 ? f.responsesTo(p.id) : null), 5000, "both answers");
    expect(calls.map((x) => [x.method, x.path, x.status])).toEqual([
      ["POST", `/interactions/${p.id}/${p.token}/callback`, 204],
      ["PATCH", `/webhooks/${FAKE_IDS.application}/${p.token}/messages/@original`, 200],
    ]);
    expect((calls[1]?.body as { content?: string } | undefined)?.content).toBe("noted");
  }
});
