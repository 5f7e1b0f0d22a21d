/**
 * Who made a request and where, from either shape Slack sends: a slash
 * command (flat form fields) or an interaction payload (button presses,
 * shortcuts, modal submissions, suggestions).
 */
export interface Requester {
  team: string | undefined;
  user: string | undefined;
  userName: string | undefined;
  /** The conversation they acted in, when there is one (a modal or a global shortcut has none). */
  channel: string | undefined;
  responseUrl: string | undefined;
  triggerId: string | undefined;
}

type Fields = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);
const fields = (value: unknown): Fields => (typeof value === "object" && value !== null ? (value as Fields) : {});

export function requesterOf(payload: object): Requester {
  const body = payload as Fields;
  const user = fields(body.user);
  const urls = Array.isArray(body.response_urls) ? body.response_urls : [];
  return {
    team: text(body.team_id) ?? text(fields(body.team).id) ?? text(user.team_id),
    user: text(body.user_id) ?? text(user.id),
    userName: text(body.user_name) ?? text(user.name) ?? text(user.username),
    channel: text(body.channel_id) ?? text(fields(body.channel).id),
    responseUrl: text(body.response_url) ?? text(fields(urls[0]).response_url),
    triggerId: text(body.trigger_id),
  };
}
