/**
 * A round member by member, for the organizers' CSV (`/mentoring report csv`):
 * names, who was paired with whom, sessions held and missed, and when each
 * last answered a check-in. Only the facts a pairing shares: no rating, note,
 * reason, evaluation or journal column is read here at all.
 */
import { type Kysely, sql } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";

export function rosterRepo(db: Kysely<Database>): Tx["roster"] {
  return {
    async ofRound(roundId) {
      const { rows } = await sql<{
        member_id: string;
        display_name: string;
        partners: string[] | null;
        held: number;
        missed: number;
        last_check_in: Date | string | null;
      }>`
        with mine as (
          select pm.pairing_id, pm.member_id, pm.joined_at, pm.left_at
          from pairing_members pm join pairings p on p.id = pm.pairing_id
          where p.round_id = ${roundId}),
        -- A member's sessions are their pairings' sessions while they were in them (a trio's third
        -- joins later; someone who left is not counted for what came after).
        theirs as (
          select distinct mine.member_id, s.id, s.status
          from mine join sessions s on s.pairing_id = mine.pairing_id
          where s.starts_at >= mine.joined_at and (mine.left_at is null or s.starts_at < mine.left_at))
        select m.id as member_id, m.display_name,
          (select array_agg(distinct o.display_name order by o.display_name)
             from mine a join mine b on b.pairing_id = a.pairing_id and b.member_id <> a.member_id
             join members o on o.id = b.member_id
             where a.member_id = m.id) as partners,
          (select count(*) from theirs t where t.member_id = m.id and t.status = 'held')::int as held,
          (select count(*) from theirs t where t.member_id = m.id and t.status = 'missed')::int as missed,
          (select max(c.created_at) from check_ins c
             join sessions s on s.id = c.session_id
             join pairings p on p.id = s.pairing_id
             where p.round_id = ${roundId} and c.member_id = m.id) as last_check_in
        from enrollments e join members m on m.id = e.member_id
        where e.round_id = ${roundId}
        order by m.display_name, m.id
      `.execute(db);
      return rows.map((r) => ({
        memberId: r.member_id,
        displayName: r.display_name,
        partners: r.partners ?? [],
        held: r.held,
        missed: r.missed,
        // pg and PGlite both hand back timestamptz as Date; a string would come from json, kept safe anyway.
        lastCheckInAt: r.last_check_in === null ? null : new Date(r.last_check_in),
      }));
    },
  };
}
