/**
 * A line in the log when a workspace or server removes the app and when it
 * comes back (issue 16, item 5). On Slack this is all that can be said at the
 * time: the token is revoked before the uninstall event arrives, so nobody in
 * the workspace can be written to. Ids and dates only.
 */
import type { Core } from "../core/core";
import type { Logger } from "../logger";

export function loggingDepartures(core: Core, logger: Pick<Logger, "info" | "warn">): Core {
  return {
    ...core,
    async spaceLeft(event) {
      const departure = await core.spaceLeft(event);
      const where = { platform: event.platform, tenant: event.tenantId, space: event.space };
      if (!departure) logger.info(where, "app removed from a space Sebaya holds nothing of");
      else
        logger.warn(
          { ...where, deleteAt: departure.deleteAt.toISOString(), programs: departure.programs, repeated: !departure.marked },
          "app removed from a space: its data is deleted at deleteAt unless the app comes back",
        );
      return departure;
    },
    async spaceReturned(event) {
      const back = await core.spaceReturned(event);
      if (back)
        logger.info(
          { platform: event.platform, tenant: event.tenantId, space: event.space },
          "app back in a space: its deletion is called off",
        );
      return back;
    },
  };
}
