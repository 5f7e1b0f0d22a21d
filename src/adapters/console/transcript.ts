/** Prints what each person saw, in order, as a readable transcript. */
import type { Screen } from "./screen";
import type { ConsoleWorkspace, Person } from "./workspace";

/** With a `screen`, the buttons are numbered on it from 1 (the terminal); without, by the workspace's ids. */
export function transcriptFor(ws: ConsoleWorkspace, person: Person, since = 0, screen?: Screen): string {
  return ws
    .view(person.id, { since })
    .map((e) => `${ws.describe(e, person)}\n${screen ? ws.render(e, (id) => screen.numberOf(id)) : e.text}`)
    .join("\n\n");
}

export function fullTranscript(ws: ConsoleWorkspace, people: readonly Person[]): string {
  return people.map((p) => `════════ ${p.name} (${p.timezone}) ════════\n\n${transcriptFor(ws, p)}`).join("\n\n\n");
}
