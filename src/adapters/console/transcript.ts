/** Prints what each person saw, in order, as a readable transcript. */
import type { ConsoleWorkspace, Person } from "./workspace";

export function transcriptFor(ws: ConsoleWorkspace, person: Person, since = 0): string {
  return ws
    .view(person.id, { since })
    .map((e) => `${ws.describe(e, person)}\n${e.text}`)
    .join("\n\n");
}

export function fullTranscript(ws: ConsoleWorkspace, people: readonly Person[]): string {
  return people.map((p) => `════════ ${p.name} (${p.timezone}) ════════\n\n${transcriptFor(ws, p)}`).join("\n\n\n");
}
