/**
 * Everything about one member, for their own export (`/mentoring mydata`).
 * Every query starts from the member's row within the tenant, so another
 * tenant's member id reads nothing. Of other people only display names are
 * read: a partner's name, and the names on the member's own avoid list.
 */
import type { Kysely } from "kysely";
import type { CheckInOutcome, EnrollmentStatus, EvaluationAdjust, Language, PairingStatus, Platform } from "../../core/domain";
import type { Tx } from "../../core/ports";
import type { MyData } from "../../core/privacy/my-data";
import type { Database } from "../schema";
import { openPrivate } from "../sealing/private-text";
import { vaultOf } from "../sealing/vault-carrier";
import { goalProgressOf } from "./evaluations";

const empty = (member: MyData["member"]): MyData => ({
  member,
  programs: [],
  enrollments: [],
  pairings: [],
  journal: [],
  avoiding: [],
  drafts: [],
});

export function myDataRepo(db: Kysely<Database>): Tx["myData"] {
  return {
    async of(tenantId, memberId) {
      const me = await db
        .selectFrom("members")
        .innerJoin("tenants", "tenants.id", "members.tenant_id")
        .select([
          "members.id",
          "members.external_id",
          "members.display_name",
          "members.language",
          "members.timezone",
          "members.created_at",
          "members.dm_blocked_at",
          "tenants.platform",
        ])
        .where("members.id", "=", memberId)
        .where("members.tenant_id", "=", tenantId)
        .executeTakeFirst();
      if (!me) throw new Error("no such member in this tenant");
      const optOut = await db
        .selectFrom("calendar_opt_outs")
        .select("created_at")
        .where("member_id", "=", memberId)
        .executeTakeFirst();
      const data = empty({
        displayName: me.display_name,
        platform: me.platform as Platform,
        platformUserId: me.external_id,
        language: me.language as Language | null,
        timezone: me.timezone,
        firstSeenAt: me.created_at,
        dmClosedAt: me.dm_blocked_at,
        calendarInvitesOffSince: optOut?.created_at ?? null,
      });

      const enrollments = await db
        .selectFrom("enrollments")
        .innerJoin("rounds", "rounds.id", "enrollments.round_id")
        .innerJoin("programs", "programs.id", "rounds.program_id")
        .select([
          "programs.id as program_id",
          "programs.name",
          "rounds.number",
          "rounds.status as round_status",
          "enrollments.status",
          "enrollments.partners_wanted",
          "enrollments.wants_rematch",
          "enrollments.paused_until",
          "enrollments.created_at",
        ])
        .where("enrollments.member_id", "=", memberId)
        .where("programs.tenant_id", "=", tenantId)
        .orderBy("enrollments.created_at")
        .execute();
      data.enrollments = enrollments.map((e) => ({
        programId: e.program_id,
        program: e.name,
        round: e.number,
        roundStatus: e.round_status as MyData["enrollments"][number]["roundStatus"],
        status: e.status as EnrollmentStatus,
        partnersWanted: e.partners_wanted,
        wantsRematch: e.wants_rematch,
        pausedUntil: e.paused_until,
        joinedAt: e.created_at,
      }));

      // Programs the member has a profile in, joined a round of, or organizes.
      const profiles = await db
        .selectFrom("profiles")
        .innerJoin("programs", "programs.id", "profiles.program_id")
        .selectAll("profiles")
        .where("profiles.member_id", "=", memberId)
        .where("programs.tenant_id", "=", tenantId)
        .execute();
      const organized = await db
        .selectFrom("program_organizers")
        .select("program_id")
        .where("member_id", "=", memberId)
        .execute();
      const programIds = [
        ...new Set([
          ...profiles.map((p) => p.program_id),
          ...enrollments.map((e) => e.program_id),
          ...organized.map((o) => o.program_id),
        ]),
      ];
      const programs =
        programIds.length === 0
          ? []
          : await db
              .selectFrom("programs")
              .selectAll()
              .where("id", "in", programIds)
              .where("tenant_id", "=", tenantId)
              .orderBy("created_at")
              .execute();
      data.programs = programs.map((p) => {
        const profile = profiles.find((x) => x.program_id === p.id);
        return {
          programId: p.id,
          name: p.name,
          contactHours: { from: p.contact_from, until: p.contact_until, workingDays: p.working_days, timezone: p.timezone },
          organizer: organized.some((o) => o.program_id === p.id),
          profile: profile
            ? {
                expertise: profile.expertise,
                goals: profile.goals,
                interests: profile.interests,
                team: profile.team,
                updatedAt: profile.updated_at,
              }
            : null,
        };
      });

      const links = await db
        .selectFrom("pairing_members")
        .innerJoin("pairings", "pairings.id", "pairing_members.pairing_id")
        .innerJoin("rounds", "rounds.id", "pairings.round_id")
        .innerJoin("programs", "programs.id", "rounds.program_id")
        .select([
          "pairings.id",
          "pairings.status",
          "pairings.created_at",
          "pairings.ended_at",
          "pairing_members.joined_at",
          "pairing_members.left_at",
          "rounds.number",
          "programs.name",
        ])
        .where("pairing_members.member_id", "=", memberId)
        .where("programs.tenant_id", "=", tenantId)
        .orderBy("pairings.created_at")
        .execute();
      const pairingIds = links.map((l) => l.id);
      const some = pairingIds.length > 0;
      const partners = some
        ? await db
            .selectFrom("pairing_members")
            .innerJoin("members", "members.id", "pairing_members.member_id")
            .select(["pairing_members.pairing_id", "members.display_name"])
            .where("pairing_members.pairing_id", "in", pairingIds)
            .where("pairing_members.member_id", "!=", memberId)
            .orderBy("pairing_members.joined_at")
            .execute()
        : [];
      const sessions = some
        ? await db
            .selectFrom("sessions")
            .leftJoin("check_ins", (join) =>
              join.onRef("check_ins.session_id", "=", "sessions.id").on("check_ins.member_id", "=", memberId),
            )
            .select([
              "sessions.pairing_id",
              "sessions.number",
              "sessions.starts_at",
              "sessions.minutes",
              "sessions.status",
              "check_ins.outcome",
              "check_ins.rating",
              "check_ins.note",
              "check_ins.note_plain",
              "check_ins.created_at as checked_in_at",
            ])
            .where("sessions.pairing_id", "in", pairingIds)
            .orderBy("sessions.number")
            .execute()
        : [];
      const evaluations = some
        ? await db
            .selectFrom("evaluations")
            .select([
              "pairing_id",
              "number",
              "working",
              "goal_progress",
              "goal_progress_plain",
              "adjust",
              "adjust_plain",
              "created_at",
            ])
            .where("pairing_id", "in", pairingIds)
            .where("member_id", "=", memberId)
            .orderBy("number")
            .execute()
        : [];
      const endings = some
        ? await db
            .selectFrom("pairing_endings")
            .select(["pairing_id", "reason", "reason_plain", "not_a_fit", "created_at"])
            .where("pairing_id", "in", pairingIds)
            .where("member_id", "=", memberId)
            .execute()
        : [];
      // Private text is sealed at rest: opened here for its author, the only reader an export has.
      const notes = await Promise.all(sessions.map((s) => openPrivate(db, memberId, s.note, s.note_plain)));
      const goals = await Promise.all(
        evaluations.map((e) => goalProgressOf(db, memberId, e.goal_progress, e.goal_progress_plain)),
      );
      const adjusts = await Promise.all(evaluations.map((e) => openPrivate(db, memberId, e.adjust, e.adjust_plain)));
      const reasons = await Promise.all(endings.map((e) => openPrivate(db, memberId, e.reason, e.reason_plain)));
      data.pairings = links.map((l) => {
        const endingAt = endings.findIndex((e) => e.pairing_id === l.id);
        const ending = endings[endingAt];
        return {
          program: l.name,
          round: l.number,
          status: l.status as PairingStatus,
          startedAt: l.created_at,
          endedAt: l.ended_at,
          joinedAt: l.joined_at,
          leftAt: l.left_at,
          partners: partners.filter((p) => p.pairing_id === l.id).map((p) => p.display_name),
          sessions: sessions
            .map((s, k) => ({ ...s, note: notes[k] ?? null }))
            .filter((s) => s.pairing_id === l.id)
            .map((s) => ({
              number: s.number,
              startsAt: s.starts_at,
              minutes: s.minutes,
              status: s.status as MyData["pairings"][number]["sessions"][number]["status"],
              checkIn:
                s.outcome && s.checked_in_at
                  ? { outcome: s.outcome as CheckInOutcome, rating: s.rating, note: s.note, at: s.checked_in_at }
                  : null,
            })),
          evaluations: evaluations
            .map((e, k) => ({ ...e, goals: goals[k] ?? {}, answer: adjusts[k] ?? null }))
            .filter((e) => e.pairing_id === l.id)
            .map((e) => ({
              number: e.number,
              working: e.working,
              goalProgress: e.goals,
              adjust: e.answer as EvaluationAdjust | null,
              at: e.created_at,
            })),
          ending: ending ? { reason: reasons[endingAt] ?? null, notAFit: ending.not_a_fit, at: ending.created_at } : null,
        };
      });

      const journal = await db
        .selectFrom("journal_entries")
        .select(["body", "body_plain", "created_at"])
        .where("member_id", "=", memberId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      const texts = await Promise.all(journal.map((j) => openPrivate(db, memberId, j.body, j.body_plain)));
      data.journal = journal.map((j, k) => ({ text: texts[k] ?? "", at: j.created_at }));

      const avoiding = await db
        .selectFrom("do_not_pair")
        .innerJoin("members", "members.id", "do_not_pair.avoided_member_id")
        .select(["members.display_name", "do_not_pair.created_at"])
        .where("do_not_pair.member_id", "=", memberId)
        .where("members.tenant_id", "=", tenantId)
        .orderBy("do_not_pair.created_at")
        .execute();
      data.avoiding = avoiding.map((a) => ({ name: a.display_name, since: a.created_at }));

      const drafts = await db
        .selectFrom("form_drafts")
        .select(["answers", "expires_at"])
        .where("tenant_id", "=", tenantId)
        .where("user_external_id", "=", me.external_id)
        .orderBy("expires_at")
        .execute();
      const vault = vaultOf(db);
      data.drafts = await Promise.all(
        drafts.map(async (d) => ({
          answers: JSON.parse(await vault.open(db, tenantId, d.answers)) as Record<string, unknown>,
          expiresAt: d.expires_at,
        })),
      );
      return data;
    },
  };
}
