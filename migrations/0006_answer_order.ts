/**
 * The order private answers arrived in, per round, for the organizer report.
 *
 * The report takes its averages over whole blocks of answers, the first ones
 * in this order, so a new answer changes nothing until its block is complete
 * and no single answer can be read back by comparing two reports. For that
 * the order must never change under an answer already counted:
 *
 * - answer_counters: per round, how many ratings and evaluations have
 *   arrived. An answer takes the next number by incrementing its row, which
 *   stays locked until the answer commits, so numbers follow commit order and
 *   a reader that sees number n sees every number before it.
 * - check_ins.ordinal (rated check-ins only) and evaluations.ordinal: that
 *   number. Rows from before are numbered here by time.
 */
import { type Kysely, sql } from "kysely";

const up_statements = [
  `create table answer_counters (
    round_id uuid not null references rounds(id) on delete cascade,
    kind text not null check (kind in ('rating', 'evaluation')),
    answered integer not null check (answered >= 0),
    primary key (round_id, kind)
  )`,
  `alter table check_ins add column ordinal integer check (ordinal > 0)`,
  `alter table evaluations add column ordinal integer check (ordinal > 0)`,

  `update check_ins c set ordinal = o.n
     from (select c.session_id, c.member_id,
                  row_number() over (partition by p.round_id order by c.created_at, c.session_id, c.member_id) as n
             from check_ins c
             join sessions s on s.id = c.session_id
             join pairings p on p.id = s.pairing_id
            where c.rating is not null) o
    where c.session_id = o.session_id and c.member_id = o.member_id`,
  `update evaluations e set ordinal = o.n
     from (select e.pairing_id, e.member_id, e.number,
                  row_number() over (partition by p.round_id order by e.created_at, e.pairing_id, e.member_id, e.number) as n
             from evaluations e
             join pairings p on p.id = e.pairing_id) o
    where e.pairing_id = o.pairing_id and e.member_id = o.member_id and e.number = o.number`,
  `insert into answer_counters (round_id, kind, answered)
     select p.round_id, 'rating', count(*)
       from check_ins c join sessions s on s.id = c.session_id join pairings p on p.id = s.pairing_id
      where c.rating is not null
      group by p.round_id`,
  `insert into answer_counters (round_id, kind, answered)
     select p.round_id, 'evaluation', count(*)
       from evaluations e join pairings p on p.id = e.pairing_id
      group by p.round_id`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of up_statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw("alter table evaluations drop column if exists ordinal").execute(db);
  await sql.raw("alter table check_ins drop column if exists ordinal").execute(db);
  await sql.raw("drop table if exists answer_counters").execute(db);
}
