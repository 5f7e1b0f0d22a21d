/**
 * English catalog. ICU MessageFormat strings (plural rules from Intl).
 * The Indonesian catalog (id.ts) must have exactly the same keys and arguments;
 * tests/unit/i18n.test.ts checks that.
 */
export const en = {
  "language.id": "Bahasa Indonesia",
  "language.en": "English",

  // Errors and refusals: always say that nothing was changed.
  "error.generic": "Something went wrong on our side. Nothing was changed; please try again in a moment.",
  "error.invalid": "That didn’t look right, so nothing was changed:",
  "error.unknownCommand": "I don’t know that command. Here is what I can do:",
  "problem.required": "{field} is required.",
  "problem.tooSmall": "{field} must be at least {min}.",
  "problem.tooBig": "{field} must be at most {max}.",
  "problem.tooShort": "{field} cannot be empty.",
  "problem.tooLong": "{field} is too long (at most {max} characters).",
  "problem.timezone": "{field}: I don’t know that time zone. Try WIB, WITA, WIT or a name like Asia/Jakarta.",
  "problem.invalid": "{field} is not valid.",
  "problem.unexpected": "{field} is not something I expected here.",
  "refusal.notOrganizer":
    "Only the program’s organizers can do that. If you think you should be one, ask whoever set up the program.",
  "refusal.noProgram": "There is no mentoring program in this channel yet. An organizer can start one with /mentoring setup.",
  "refusal.needChannel": "Please use this command in the program’s channel.",
  "refusal.programExists": "This channel already runs the program “{name}”.",
  "refusal.roundAlreadyOpen": "Round {number} is still running. Close it before opening a new one.",
  "refusal.noRound": "There is no open round right now. Your organizers will announce the next one here.",
  "refusal.signupClosed":
    "Sign-ups for round {number} are closed; pairs have already been matched. Watch this channel for the next round.",
  "refusal.alreadyJoined": "You’re already in round {number}. Use /mentoring status to see where things stand.",
  "refusal.notEnrolled": "You’re not in the current round. Join with /mentoring join.",
  "refusal.noPairing": "You don’t have an active pairing right now.",
  "refusal.pairingEnded": "That pairing has ended, so there is nothing more to do on it.",
  "refusal.notInPairing": "That pairing isn’t yours.",
  "refusal.noSession": "There is no session to check in on yet. Agree a schedule with your peer first.",
  "refusal.sessionNotYet": "Session {number} hasn’t happened yet (it starts {when}). Check in after you meet.",
  "refusal.alreadyCheckedIn": "You already checked in for session {number}. Thank you!",
  "refusal.noProposal": "There is no schedule proposal to confirm.",
  "refusal.ownProposal": "You proposed this schedule; your peer needs to confirm it.",
  "refusal.staleProposal": "That proposal has been replaced by a newer one. Please look at the latest.",
  "refusal.cadenceAgreed": "This schedule is already agreed.",
  "refusal.alreadyPaused": "You’re already taking a break until {date}.",
  "refusal.notPaused": "You’re not on a break.",
  "refusal.pauseInPast": "The date to resume must be after today.",
  "refusal.pauseTooLong": "A break can last at most until the round ends ({date}).",
  "refusal.roundNotRunning": "Matching can only run while round {number} is open or running.",
  "refusal.tooFewToMatch": "There are not enough people waiting to be matched (at least two are needed).",
  "refusal.noRoundToClose": "There is no round to close.",
  "refusal.emptyJournal": "A journal note needs some text.",
  "refusal.rematchNotOffered": "A new match isn’t available for that pairing.",

  // Fields, as named in forms and in error messages.
  "field.name": "Program name",
  "field.language": "Language",
  "field.timezone": "Time zone",
  "field.roundWeeks": "Round length (weeks)",
  "field.weeks": "Round length (weeks)",
  "field.expertise": "Expertise you can share",
  "field.goals": "What you want to learn",
  "field.interests": "Interests",
  "field.team": "Team",
  "field.partnersWanted": "Number of partners",
  "field.everyDays": "Every how many days",
  "field.minutes": "Session length (minutes)",
  "field.weekday": "Day",
  "field.time": "Time",
  "field.rating": "How was it? (1 to 5)",
  "field.note": "Private note",
  "field.text": "Note",
  "field.until": "Break until",
  "field.reason": "Why are you ending it?",
  "field.messageToPartner": "A kind message to your peer",
  "field.rematch": "Match me with someone new",
  "field.outcome": "Did you meet?",
  "field.pairingId": "Pairing",
  "field.sessionId": "Session",
  "field.dryRun": "Dry run",
  "field.roundId": "Round",
  "field.proposalOf": "Proposal",
  "field.type": "Command",
  "field.command": "Command",

  // Help.
  "help.title": "Sebaya: peer mentoring, together",
  "help.intro":
    "Peer mentoring is a two-way exchange: you share what you know and learn from a peer. Sessions of 45 to 60 minutes every one to two weeks work well.",
  "help.member":
    "For everyone:\n• /mentoring join: join the open round\n• /mentoring status: your pairing, schedule and next session\n• /mentoring schedule: propose a regular schedule to your peer\n• /mentoring checkin: tell us how your last session went\n• /mentoring journal: write a private note (only you can read it)\n• /mentoring pause: take a break until a date; /mentoring resume to come back\n• /mentoring end: end your pairing, politely and privately\n• /mentoring leave: leave the round",
  "help.organizer":
    "For organizers:\n• /mentoring setup: start a program in this channel\n• /mentoring open: open a new round\n• /mentoring preview: see the proposed pairs before anything is sent\n• /mentoring match: match everyone who is waiting\n• /mentoring close: end the round",

  // Program and rounds.
  "setup.done": "The mentoring program “{name}” is set up in this channel. Open the first round with /mentoring open.",
  "round.opened": "Round {number} is open and announced in the channel.",
  "round.announce.title": "Peer mentoring round {number} is open!",
  "round.announce.body":
    "Share what you know, learn what you want. You’ll be matched with a peer and meet for 45 to 60 minutes every one to two weeks, for {weeks} weeks. Online is perfectly fine.",
  "round.announce.join": "Join round {number}",
  "round.closed": "Round {number} is closed. Thank you all!",
  "round.closed.channel":
    "Round {number} has ended. Thank you to everyone who shared and learned together. See you in the next round!",

  // Intake.
  "join.form.title": "Join peer mentoring",
  "join.form.submit": "Join",
  "join.hint.expertise": "What unique experience can you share? Comma separated. It’s about experience, not titles.",
  "join.hint.goals": "Specific things you want to learn, comma separated.",
  "join.hint.interests": "Optional, comma separated.",
  "join.hint.timezone": "WIB, WITA, WIT or a zone like Asia/Jakarta.",
  "join.hint.partnersWanted": "Several partners are welcome: each brings a different perspective.",
  "join.done": "You’re in round {number}! When matching runs, I’ll introduce you to a peer by message.",
  "leave.done": "You’ve left round {number}. You’re welcome back any time.",
  "leave.partner": "{name} has left this mentoring round. Thank you for the time you shared.",

  // Matching.
  "match.preview.title": "Dry run: {groups, plural, one {# group} other {# groups}} proposed (nothing has been sent)",
  "match.preview.group": "{names}: score {score}. {reasons}",
  "match.preview.unmatched": "Could not be matched: {names}",
  "match.done": "Matched {groups, plural, one {# group} other {# groups}}. Intros are on their way.",
  "match.channel":
    "Round {number} is matched: {groups, plural, one {# group} other {# groups}}. Check your messages for your intro!",
  "match.unmatched":
    "I couldn’t find you a peer in this matching run. You stay on the list, and I’ll introduce you as soon as someone fits.",

  // Intro.
  "intro.title": "Meet your mentoring peer!",
  "intro.titleTrio": "Meet your mentoring peers!",
  "intro.body": "{names}: you’re matched for round {number} of {program}.",
  "intro.whyTitle": "Why you were matched",
  "intro.why.gives": "{giver} can share {topics}, which {receiver} wants to learn.",
  "intro.why.interests": "You share an interest in {topics}.",
  "intro.why.teams": "You work in different teams ({teams}): fresh perspectives.",
  "intro.why.fallback": "Your goals and experience complement each other.",
  "intro.agendaTitle": "A first agenda (about 45 minutes)",
  "intro.agenda":
    "1. Introduce yourselves: your work and the experience you bring.\n2. Share your learning goals: {goals}.\n3. Agree a routine: every 1 to 2 weeks, 45 to 60 minutes.\n4. Agree the ground rules: what stays between you, and topics you’d rather not discuss.",
  "intro.privacy":
    "Keep what you share confidential, set clear boundaries from the start, and meet somewhere comfortable and safe, in person or online.",
  "intro.next": "Next step: propose a regular schedule.",
  "intro.proposeButton": "Propose a schedule",
  "intro.joined": "{name} joins your group for this round. Welcome them!",

  // Cadence.
  "cadence.form.title": "Propose a regular schedule",
  "cadence.form.submit": "Propose",
  "cadence.hint.time": "In your time zone ({timezone}), as HH:MM.",
  "cadence.hint.timeOwn": "In your own time zone, as HH:MM.",
  "cadence.hint.everyDays": "7 to 14 days.",
  "cadence.hint.minutes": "45 to 60 minutes.",
  "cadence.proposed": "{name} proposes meeting every {everyDays} days for {minutes} minutes, on {weekday} at {time} ({zone}).",
  "cadence.localTime": "For {name} that’s {when}.",
  "cadence.confirmButton": "Confirm",
  "cadence.counterButton": "Propose another time",
  "cadence.proposedReply": "Proposal sent. Your peer will confirm it.",
  "cadence.agreed": "Schedule agreed: every {everyDays} days, {minutes} minutes.",
  "cadence.firstSession": "First session for {name}: {when}",
  "cadence.confirmedReply": "Confirmed. See you at the first session!",

  // Sessions and check-ins.
  "checkin.prompt": "How did session {number} go? Tap one answer; each of you answers for yourself.",
  "checkin.met": "We met",
  "checkin.rescheduled": "We rescheduled",
  "checkin.notMet": "We didn’t meet",
  "checkin.form.title": "Session {number}: check-in",
  "checkin.form.submit": "Send",
  "checkin.hint.note": "Only you can see this note.",
  "checkin.rating.1": "1: not useful",
  "checkin.rating.2": "2",
  "checkin.rating.3": "3: okay",
  "checkin.rating.4": "4",
  "checkin.rating.5": "5: very valuable",
  "checkin.thanks.met": "Thanks for checking in! Next session: {when}.",
  "checkin.thanks.rescheduled": "Noted. Next session: {when}. Adjusting is part of the process.",
  "checkin.thanks.notMet":
    "Noted; it happens. Next session: {when}. If the rhythm doesn’t work, propose a new schedule or talk it over honestly.",
  "milestone.firstMeeting": "🎉 First meeting done! Celebrate the small wins: they add up.",
  "milestone.thirdMeeting": "🎉 Three sessions together! A routine is forming.",

  // Journal.
  "journal.form.title": "Private journal note",
  "journal.form.submit": "Save",
  "journal.hint": "Only you can ever read your journal.",
  "journal.saved": "Saved to your private journal ({count, plural, one {# note} other {# notes}}). Only you can read it.",

  // Pause.
  "pause.form.title": "Take a break",
  "pause.form.submit": "Pause",
  "pause.hint": "Date to come back, as YYYY-MM-DD.",
  "pause.done": "You’re on a break until {date}. No reminders until then. Use /mentoring resume to come back earlier.",
  "pause.partner": "{name} is taking a short break until {date}. Your sessions are on hold until then.",
  "resume.done": "Welcome back! Your sessions continue.",
  "resume.partner": "{name} is back from their break. Your sessions continue.",

  // Ending.
  "end.form.title": "End this pairing",
  "end.form.submit": "End pairing",
  "end.hint.reason": "Private: only you will ever see this. It is never shared.",
  "end.hint.messageToPartner": "Optional. Sent to your peer exactly as you write it.",
  "end.done": "You’ve ended your pairing with {names}. Your reason stays private. Thank you for the sessions you shared.",
  "end.rematchFound": "You have a new peer: see your new intro.",
  "end.rematchWaiting": "You’re on the list for a new peer. I’ll introduce you as soon as someone fits.",
  "end.partner":
    "{name} has decided to end your mentoring pairing. It happens, and it is nobody’s fault: different rhythms and needs are normal. Thank you for the sessions you shared.",
  "end.partnerMessage": "{name} left you a message: “{message}”",
  "end.partnerRematch": "Would you like to be matched with someone new?",
  "end.rematchButton": "Match me with someone new",
  "end.remaining": "{name} has left your group. The rest of you continue together.",
  "end.button": "End pairing",

  // Status.
  "status.title": "Your mentoring status",
  "status.program": "Program",
  "status.round": "Round",
  "status.roundValue": "{number} ({status}), until {date}",
  "status.roundStatus.open": "sign-ups open",
  "status.roundStatus.running": "running",
  "status.roundStatus.closed": "closed",
  "status.notEnrolled": "You’re not in a round.",
  "status.waiting": "Waiting to be matched.",
  "status.pairing": "Peer",
  "status.schedule": "Schedule",
  "status.scheduleValue": "every {everyDays} days, {minutes} minutes",
  "status.noSchedule": "not agreed yet",
  "status.nextSession": "Next session",
  "status.none": "none",
  "status.pausedUntil": "On a break until",
  "status.journal": "Private journal",
  "status.journalValue": "{count, plural, one {# note} other {# notes}}",
  "status.checkinButton": "Check in",
  "status.journalButton": "Write in journal",
  "status.pauseButton": "Take a break",
  "status.resumeButton": "Resume",

  // The console playground's own chrome.
  "console.welcome":
    "Sebaya playground: a pretend workspace with {count} people and the channel #{channel}. You are {name}. Type :help for the playground commands, or /mentoring help for the bot.",
  "console.help":
    ":as <name>: switch who you are\n:people: list everyone\n:show [name]: everything that person can see\n:press <n>: press button number n\n:advance <30m|2h|14d|1w>: move the clock (due check-ins are sent)\n:now: the current time\n:help: this list\n:quit: leave\n/mentoring ...: talk to the bot as the current person, in the program channel",
  "console.you": "You are now {name}.",
  "console.unknownPerson": "There is nobody called {name} here. People: {names}",
  "console.unknownButton": "You can’t see a button number {number}.",
  "console.badInput": "I didn’t understand that. Type :help for the playground commands, or /mentoring help.",
  "console.now": "It is now {when}.",
  "console.badDuration": "Give a duration like 30m, 2h, 14d or 1w.",
  "console.form": "Form: {title}. Press Enter to keep the [default] or skip an optional field; type :cancel to close it.",
  "console.formCancelled": "Form closed; nothing was sent.",
  "console.yesNo": "y/n",
  "console.people": "People: {names}",
  "console.where.reply": "↩ only you",
  "console.where.dm": "✉ DM",
  "console.where.pair": "👥 pair",
  "console.bye": "Bye! What you did is kept in {dir}.",
} as const;

export type MessageKey = keyof typeof en;
