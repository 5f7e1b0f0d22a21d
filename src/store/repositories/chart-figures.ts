/**
 * Figures for the organizer's chart: a program's last rounds side by side, its
 * sessions week by week and how teams mixed. People are counted plainly (who
 * joined, was matched, met, stayed); private answers only as the round report
 * counts them (reports.ts): the first answers in whole blocks, in the order
 * they arrived, so the chart never moves by one answer either. The ratings'
 * spread is taken over exactly the ratings the report's average is, and goals
 * reached come from the report itself.
 */
import { type Kysely, sql } from "kysely";
import type { RoundStatus } from "../../core/domain";
import type { RoundChartFigures, Tx } from "../../core/ports";
import type { Database } from "../schema";
import { reportsRepo } from "./reports";

type ChartRepo = Tx["reports"]["chart"];

export function chartFiguresRepo(db: Kysely<Database>): ChartRepo {
  const reports = reportsRepo(db);
  return async (programId, now, block, last) => {
    if (!Number.isInteger(block) || block < 1) throw new RangeError("block must be a positive whole number");
    const program = await db.selectFrom("programs").select("timezone").where("id", "=", programId).executeTakeFirstOrThrow();
    const recent = await db
      .selectFrom("rounds")
      .select(["id", "number", "status"])
      .where("program_id", "=", programId)
      .orderBy("number", "desc")
      .limit(last)
      .execute();
    recent.reverse();
    const rounds: RoundChartFigures[] = [];
    for (const round of recent) {
      const figures = await reports.round(round.id, now, block);
      const { rows } = await sql<{
        joined: number;
        matched: number;
        met: number;
        still_meeting: number;
        asked: number;
        by_value: Array<{ rating: number; n: number }> | null;
      }>`
        with p as (
          select id, status,
            (select count(*) from pairing_members pm where pm.pairing_id = pairings.id and pm.left_at is null) as present
          from pairings where round_id = ${round.id}),
        pm as (select pm.* from pairing_members pm join p on p.id = pm.pairing_id),
        -- The same sessions, check-ins and counted ratings as the round report (reports.ts).
        s as (select s.* from sessions s join p on p.id = s.pairing_id where s.status <> 'scheduled' or p.status = 'active'),
        c as (select c.* from check_ins c join s on s.id = c.session_id),
        rated as (select rating, ordinal from c where ordinal is not null),
        rated_counted as (
          select rating from rated order by ordinal
          limit (select (count(*) / ${block}) * ${block} from rated))
        select
          (select count(*) from enrollments where round_id = ${round.id})::int as joined,
          (select count(distinct member_id) from pm)::int as matched,
          -- In the group when one of its sessions was held.
          (select count(distinct pm.member_id) from pm join s on s.pairing_id = pm.pairing_id and s.status = 'held'
             and pm.joined_at <= s.starts_at and (pm.left_at is null or pm.left_at > s.starts_at))::int as met,
          -- Still in a group that did not end early (active, or ended with the round).
          (select count(distinct pm.member_id) from pm join p on p.id = pm.pairing_id
             where pm.left_at is null and p.present >= 2)::int as still_meeting,
          -- Asked: each member present when a session's check-in was sent, whatever became of the group since.
          (select count(*) from sessions s join pm on pm.pairing_id = s.pairing_id
             where s.check_in_prompted_at is not null and pm.joined_at <= s.check_in_prompted_at
               and (pm.left_at is null or pm.left_at > s.check_in_prompted_at))::int as asked,
          (select json_agg(json_build_object('rating', rating, 'n', n))
             from (select rating, count(*)::int as n from rated_counted group by rating) r) as by_value
      `.execute(db);
      const r = rows[0];
      if (!r) throw new Error("chart query returned nothing");
      const byValue: [number, number, number, number, number] = [0, 0, 0, 0, 0];
      for (const { rating, n } of r.by_value ?? []) byValue[rating - 1] = n;
      rounds.push({
        roundId: round.id,
        number: round.number,
        status: round.status as RoundStatus,
        participation: { joined: r.joined, matched: r.matched, met: r.met, stillMeeting: r.still_meeting },
        checkIns: { counted: figures.checkIns.counted, asked: r.asked },
        ratings: { counted: figures.rating.counted, byValue },
        goals: { evaluations: figures.evaluations.counted, reached: figures.evaluations.goalsReached },
      });
    }
    const roundIds = recent.map((r) => r.id);
    if (roundIds.length === 0) return { rounds, weeks: [], mixing: [] };
    const weeks = await sql<{ week: string; held: number; missed: number }>`
      select to_char(date_trunc('week', s.starts_at at time zone ${program.timezone}), 'YYYY-MM-DD') as week,
        count(*) filter (where s.status = 'held')::int as held,
        count(*) filter (where s.status = 'missed')::int as missed
      from sessions s join pairings p on p.id = s.pairing_id
      where p.round_id in (${sql.join(roundIds)}) and s.status in ('held', 'missed')
      group by 1 order by 1
    `.execute(db);
    // Everyone who was ever in the same group, once per two people, by their teams in this program.
    const mixing = await sql<{ a: string; b: string; pairs: number }>`
      select least(ta.team, tb.team) as a, greatest(ta.team, tb.team) as b, count(*)::int as pairs
      from pairing_members x
      join pairing_members y on y.pairing_id = x.pairing_id and x.member_id < y.member_id
      join pairings p on p.id = x.pairing_id
      join profiles ta on ta.member_id = x.member_id and ta.program_id = ${programId}
      join profiles tb on tb.member_id = y.member_id and tb.program_id = ${programId}
      where p.round_id in (${sql.join(roundIds)})
      group by 1, 2 order by 1, 2
    `.execute(db);
    return { rounds, weeks: weeks.rows, mixing: mixing.rows };
  };
}
