/**
 * Figures for organizers: counts and averages over a round, computed in SQL.
 * Nothing here returns a note, a reason, a rating or an evaluation of any one
 * person. Figures from private answers are taken over the first answers in
 * whole blocks (the core says how big), in the order they arrived
 * (`ordinal`, see migration 0006): a later answer changes nothing until its
 * block is complete, so two reports never differ by one answer. Goal progress
 * is sealed, so goals reached are counted here after opening it, over the
 * same counted evaluations.
 */
import { type Kysely, sql } from "kysely";
import type { Tx } from "../../core/ports";
import type { Database } from "../schema";
import { goalProgressOf } from "./evaluations";

export function reportsRepo(db: Kysely<Database>): Pick<Tx["reports"], "round"> {
  return {
    async round(roundId, now, block) {
      if (!Number.isInteger(block) || block < 1) throw new RangeError("block must be a positive whole number");
      const { rows } = await sql<{
        active: number;
        left: number;
        paused: number;
        pairings: number;
        pairings_active: number;
        trios: number;
        ended_early: number;
        ended_with_round: number;
        held: number;
        missed: number;
        rescheduled: number;
        awaiting: number;
        upcoming: number;
        prompted: number;
        check_ins: number;
        ratings: number;
        rating_avg: number | null;
        evaluations: number;
        working_avg: number | null;
        counted_evaluations: Array<{
          member_id: string;
          goal_progress: string | null;
          goal_progress_plain: Record<string, string> | null;
        }> | null;
      }>`
        with p as (
          select id, status,
            (select count(*) from pairing_members pm where pm.pairing_id = pairings.id and pm.left_at is null) as present
          from pairings where round_id = ${roundId}),
        -- A session still to happen counts only while its pairing is active: an ended pair's is not coming up.
        s as (select s.* from sessions s join p on p.id = s.pairing_id where s.status <> 'scheduled' or p.status = 'active'),
        c as (select c.* from check_ins c join s on s.id = c.session_id),
        rated as (select rating, ordinal from c where ordinal is not null),
        rated_counted as (
          select rating from rated order by ordinal
          limit (select (count(*) / ${block}) * ${block} from rated)),
        e as (select e.* from evaluations e join p on p.id = e.pairing_id where e.ordinal is not null),
        e_counted as (
          select * from e order by ordinal
          limit (select (count(*) / ${block}) * ${block} from e))
        select
          (select count(*) from enrollments where round_id = ${roundId} and status = 'active')::int as active,
          (select count(*) from enrollments where round_id = ${roundId} and status = 'left')::int as left,
          (select count(*) from enrollments where round_id = ${roundId} and status = 'active'
             and paused_until > ${now})::int as paused,
          (select count(*) from p)::int as pairings,
          (select count(*) from p where status = 'active')::int as pairings_active,
          -- Every group is active, ended early (fewer than two left in it) or ended with the round, so
          -- the three add up to the total; a trio is an active group of three now.
          (select count(*) from p where status = 'active' and present >= 3)::int as trios,
          (select count(*) from p where status = 'ended' and present < 2)::int as ended_early,
          (select count(*) from p where status = 'ended' and present >= 2)::int as ended_with_round,
          (select count(*) from s where status = 'held')::int as held,
          (select count(*) from s where status = 'missed')::int as missed,
          (select count(*) from s where status = 'rescheduled')::int as rescheduled,
          (select count(*) from s where status = 'scheduled' and starts_at <= ${now})::int as awaiting,
          (select count(*) from s where status = 'scheduled' and starts_at > ${now})::int as upcoming,
          (select count(*) from s where check_in_prompted_at is not null)::int as prompted,
          (select (count(*) / ${block}) * ${block} from c)::int as check_ins,
          (select count(*) from rated_counted)::int as ratings,
          (select avg(rating)::float8 from rated_counted) as rating_avg,
          (select count(*) from e_counted)::int as evaluations,
          (select avg(working)::float8 from e_counted) as working_avg,
          (select json_agg(json_build_object('member_id', e.member_id,
             'goal_progress', encode(e.goal_progress, 'base64'), 'goal_progress_plain', e.goal_progress_plain))
             from e_counted e) as counted_evaluations
      `.execute(db);
      const r = rows[0];
      if (!r) throw new Error("report query returned nothing");
      const reached = new Set<string>();
      for (const e of r.counted_evaluations ?? []) {
        // base64 from SQL (json carries no bytes); Buffer.from skips the line breaks encode() puts in.
        const sealed = e.goal_progress === null ? null : Buffer.from(e.goal_progress, "base64");
        const progress = await goalProgressOf(db, e.member_id, sealed, e.goal_progress_plain);
        for (const [goal, value] of Object.entries(progress))
          if (value === "reached") reached.add(JSON.stringify([e.member_id, goal]));
      }
      return {
        members: { active: r.active, left: r.left, paused: r.paused },
        pairings: {
          total: r.pairings,
          active: r.pairings_active,
          trios: r.trios,
          endedEarly: r.ended_early,
          endedWithRound: r.ended_with_round,
        },
        sessions: {
          held: r.held,
          missed: r.missed,
          rescheduled: r.rescheduled,
          awaiting: r.awaiting,
          upcoming: r.upcoming,
          prompted: r.prompted,
        },
        checkIns: { counted: r.check_ins },
        rating: { counted: r.ratings, average: r.rating_avg === null ? null : Number(r.rating_avg) },
        evaluations: {
          counted: r.evaluations,
          working: r.working_avg === null ? null : Number(r.working_avg),
          goalsReached: reached.size,
        },
      };
    },
  };
}
