/**
 * The Discord baseline of bench/interactions.ts: a bare discord.js client on
 * the same gateway and REST (the fake Discord), answering every interaction
 * the bench sends with a fixed reply and no database (a slash command with an
 * ephemeral message, a button press with a modal, a modal submission by
 * updating the message it came from): what this machine can do at best.
 * Env: DISCORD_TOKEN, DISCORD_API_URL.
 */
import {
  ActionRowBuilder,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  ...(process.env.DISCORD_API_URL ? { rest: { api: process.env.DISCORD_API_URL } } : {}),
});

const modal = new ModalBuilder()
  .setCustomId("bare")
  .setTitle("ok")
  .addComponents(
    new ActionRowBuilder<TextInputBuilder>().addComponents(
      new TextInputBuilder().setCustomId("x").setLabel("ok").setStyle(TextInputStyle.Short).setRequired(false),
    ),
  );

client.on(Events.InteractionCreate, (i) => {
  const answered = i.isChatInputCommand()
    ? i.reply({ content: "ok", flags: MessageFlags.Ephemeral })
    : i.isButton()
      ? i.showModal(modal)
      : i.isModalSubmit()
        ? i.isFromMessage()
          ? i.update({ content: "ok", components: [] })
          : i.reply({ content: "ok", flags: MessageFlags.Ephemeral })
        : Promise.resolve();
  answered.catch((error: unknown) => console.error(error));
});

await client.login(process.env.DISCORD_TOKEN ?? "");
console.info("ready");
