/**
 * `/mentoring topics`: organizers see the program's topics and add, rename,
 * merge or retire them. The change is parsed here, against the program's own
 * vocabulary, so a topic can be named by its id, its label or an alias, in
 * either language. A bad change is refused whole: nothing is stored.
 */

import { programInChannel, requireOrganizer } from "../access/scope";
import { Refusal } from "../errors";
import {
  type TopicChange,
  type TopicEdits,
  topicEditsOf,
  topicEditsSchema,
  vocabularyWith,
  withChange,
} from "../matching/topic-edits";
import { readTopics, type Vocabulary } from "../matching/topic-reading";
import { topicsMessage } from "../views/topics";
import { reply, type UseCase } from "./types";

const ACTIONS: Record<string, TopicChange["kind"]> = {
  add: "add",
  tambah: "add",
  rename: "rename",
  ganti: "rename",
  merge: "merge",
  gabung: "merge",
  retire: "retire",
  hapus: "retire",
};

/** A topic named by id, label or alias, in either language: exactly one, or a refusal naming what was written. */
function topicNamed(text: string, vocabulary: Vocabulary): string {
  const written = text.trim();
  const byId = vocabulary.topics.find((t) => t.id === written.toLowerCase());
  if (byId) return byId.id;
  const reading = readTopics(written, vocabulary);
  if (reading.complete && reading.topics.length === 1) return reading.topics[0] as string;
  throw new Refusal("topics.unknown", { name: written || "?" });
}

function labelPair(en: string | undefined, id: string | undefined): { en: string; id: string } {
  const english = en?.trim() ?? "";
  const indonesian = id?.trim() || english;
  for (const l of [english, indonesian]) if (l.length < 2 || l.length > 60) throw new Refusal("topics.badLabel");
  return { en: english, id: indonesian };
}

export function parseTopicChange(text: string, vocabulary: Vocabulary): TopicChange {
  const [word = "", ...restWords] = text.trim().split(/\s+/);
  const kind = ACTIONS[word.toLowerCase()];
  if (!kind) throw new Refusal("topics.usage");
  const parts = restWords.join(" ").split("|");
  switch (kind) {
    case "add": {
      const [en, id, aliases] = parts;
      const label = labelPair(en, id);
      // One topic by that name already: adding it again would make the name ambiguous (and unread).
      for (const name of [label.en, label.id]) {
        const reading = readTopics(name, vocabulary);
        if (reading.complete && reading.topics.length === 1) throw new Refusal("topics.exists", { name });
      }
      const list = (aliases ?? "")
        .split(",")
        .map((a) => a.trim())
        .filter((a) => a.length >= 2 && a.length <= 60);
      return { kind, label, aliases: list };
    }
    case "rename": {
      const [topic = "", en, id] = parts;
      return { kind, topic: topicNamed(topic, vocabulary), label: labelPair(en, id) };
    }
    case "merge": {
      const [topic = "", into = ""] = parts;
      const from = topicNamed(topic, vocabulary);
      const target = topicNamed(into, vocabulary);
      if (from === target) throw new Refusal("topics.sameTopic");
      return { kind, topic: from, into: target };
    }
    case "retire":
      return { kind, topic: topicNamed(parts.join("|"), vocabulary) };
  }
}

export const editTopics: UseCase<"program.topics"> = async (ctx, command) => {
  const program = await programInChannel(ctx);
  await requireOrganizer(ctx, program);
  let edits: TopicEdits = topicEditsOf(program.topicEdits);
  let changed: TopicChange | undefined;
  if (command.change) {
    changed = parseTopicChange(command.change, vocabularyWith(edits));
    // The schema's limits hold for what is stored; a change past them is refused, nothing stored.
    const next = topicEditsSchema.safeParse(withChange(edits, changed, vocabularyWith(edits)));
    if (!next.success) throw new Refusal("topics.tooMany");
    edits = next.data;
    await ctx.tx.programs.setTopicEdits(program.id, edits);
  }
  return reply(topicsMessage(ctx.t, ctx.language, program.name, edits, changed));
};
