/**
 * The baseline of bench/interactions.ts: a bare Bolt app on the same HTTP
 * receiver and signing secret, answering every request the bench sends with a
 * fixed reply and no database (a slash command through its response_url, a
 * button press with views.open, a modal submission with a DM): what this
 * machine can do at best. Env: PORT, SLACK_SIGNING_SECRET, SLACK_API_URL.
 */
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";

const port = Number(process.env.PORT ?? 0);
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? "", endpoints: "/slack/events" });
const app = new App({
  token: "xoxb-bare",
  receiver,
  logLevel: LogLevel.ERROR,
  ...(process.env.SLACK_API_URL ? { clientOptions: { slackApiUrl: process.env.SLACK_API_URL } } : {}),
});

app.command("/mentoring", async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: "ephemeral", text: "ok" });
});
app.action(/.*/, async ({ ack, body, client }) => {
  await ack();
  if (body.type === "block_actions")
    await client.views.open({
      trigger_id: body.trigger_id,
      view: { type: "modal", title: { type: "plain_text", text: "ok" }, blocks: [] },
    });
});
app.view(/.*/, async ({ ack, body, client }) => {
  await ack();
  await client.chat.postMessage({ channel: body.user.id, text: "ok" });
});

await app.start(port);
console.info("ready");
