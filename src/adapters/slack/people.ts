/**
 * Who acted, as Slack knows them: users.info gives the display name, the
 * time zone and locale (defaults for the intake form and the reply language)
 * and whether they are a workspace admin or owner (organizer rights).
 * Answers are cached for a while so that a busy channel does not call
 * users.info on every click; without the answer the command still runs.
 */

import type { WebClient } from "@slack/web-api";
import type { Envelope } from "../../core/commands/command";
import { MINUTE_MS } from "../../core/time/durations";

export interface Person {
  team: string;
  user: string;
  name: string;
  timezone?: string;
  locale?: string;
  isAdmin: boolean;
}

interface Cached {
  person: Person;
  until: number;
}

const TTL_MS = 10 * MINUTE_MS;
const MAX_ENTRIES = 10_000;

export class ProfileCache {
  private readonly entries = new Map<string, Cached>();

  constructor(private readonly now: () => number = Date.now) {}

  async lookup(client: WebClient, team: string, user: string, fallbackName: string | undefined): Promise<Person> {
    const key = `${team}:${user}`;
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return hit.person;
    let person: Person = { team, user, name: fallbackName || user, isAdmin: false };
    try {
      const info = await client.users.info({ user, include_locale: true });
      const u = info.user;
      if (u) {
        person = {
          team,
          user,
          name: u.profile?.display_name || u.real_name || u.name || fallbackName || user,
          ...(u.tz ? { timezone: u.tz } : {}),
          ...(u.locale ? { locale: u.locale } : {}),
          isAdmin: Boolean(u.is_admin || u.is_owner || u.is_primary_owner),
        };
      }
    } catch {
      // A missing scope or a Slack hiccup: the command runs with what the payload said.
      return person;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { person, until: this.now() + TTL_MS });
    return person;
  }
}

export function envelope(person: Person, channelId: string | undefined, command: unknown): Envelope {
  return {
    actor: {
      platform: "slack",
      tenantId: person.team,
      // One workspace is one tenant: its admins' rights hold in the whole workspace.
      space: person.team,
      userId: person.user,
      displayName: person.name.slice(0, 100),
      isAdmin: person.isAdmin,
      ...(person.locale ? { locale: person.locale } : {}),
      ...(person.timezone ? { timezone: person.timezone } : {}),
    },
    ...(channelId ? { channelId } : {}),
    command,
  };
}
