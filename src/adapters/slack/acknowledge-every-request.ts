/**
 * Every request Slack sends is acknowledged at once, including those no
 * listener takes: Bolt leaves them unacknowledged, and over HTTP answers 404
 * after three seconds, which the person sees as an error.
 *
 * Each request's ack is watched: Bolt's processEvent returns once every
 * listener has run, and when none acknowledged, this does (as
 * classifyUnhandled says) and then hands the request on with the client Bolt
 * authorized for its workspace. "No listener took it" is observed, not
 * listed, so new listeners need no change here.
 */
import type { App, Receiver, ReceiverEvent, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { classifyUnhandled, type UnhandledRequest } from "./unhandled-requests";

interface Authorized {
  client: WebClient;
  teamId: string | undefined;
  respond: RespondFn | undefined;
}

/**
 * Call once, right after `new App({ receiver })`. A receiver hands each request to the app it was
 * initialized with (Bolt's App does that in its constructor); initializing it again with the app
 * behind a watched processEvent keeps the receiver itself as Bolt sees it (OAuth installer included).
 */
export function acknowledgeEveryRequest(
  app: App,
  receiver: Receiver,
  onUnhandled: (request: UnhandledRequest) => Promise<void>,
): void {
  // What Bolt's middleware saw of a request, by its body: it runs after authorization, before any listener.
  const authorized = new WeakMap<object, Authorized>();
  app.use(async (args) => {
    authorized.set(args.body, {
      client: args.client,
      teamId: args.context.teamId,
      respond: "respond" in args ? args.respond : undefined,
    });
    await args.next();
  });

  async function processEvent(event: ReceiverEvent): Promise<void> {
    let acknowledged = false;
    await app.processEvent({
      ...event,
      ack: async (response) => {
        acknowledged = true;
        await event.ack(response);
      },
    });
    if (acknowledged) return;
    await event.ack(classifyUnhandled(event.body).ack);
    const seen = authorized.get(event.body);
    // A request that failed authorization was acknowledged by Bolt; one without a workspace gets no words.
    if (seen) await onUnhandled({ body: event.body, ...seen });
  }

  receiver.init(
    new Proxy(app, { get: (target, key, proxy) => (key === "processEvent" ? processEvent : Reflect.get(target, key, proxy)) }),
  );
}
