import type { Command, CommandType } from "../commands/command";
import type { Context } from "../context";
import type { Reply } from "../messages/message";

export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
export type UseCase<T extends CommandType> = (ctx: Context, command: CommandOf<T>) => Promise<Reply>;

export const reply = (...messages: Reply["messages"]): Reply => ({ messages });
