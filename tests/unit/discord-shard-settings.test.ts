/**
 * Discord shards spread over pods: SHARD_LIST, or SHARDS_PER_POD with the
 * StatefulSet ordinal in POD_NAME, say which of SHARDS this process runs.
 * A wrong combination stops the start with one line naming the variable;
 * without them, SHARDS means what it always did.
 */
import { describe, expect, it } from "vitest";
import { discordSettings } from "../../src/adapters/discord/settings";
import { ConfigError, parseConfig } from "../../src/config";

const DISCORD = {
  DISCORD_TOKEN: "x".repeat(30),
  DISCORD_APPLICATION_ID: "123456789012345678",
  DATABASE_URL: "postgres://sebaya@db:5432/sebaya",
};
const settingsOf = (env: Record<string, string>) => discordSettings(parseConfig({ ...DISCORD, ...env }));

/** The variable a bad environment is reported under, and the line it prints. */
function failure(env: Record<string, string>): { variable: string; message: string } {
  try {
    settingsOf(env);
  } catch (error) {
    if (error instanceof ConfigError) return { variable: error.variable, message: error.message };
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("Discord shards per pod", () => {
  it("keeps today's meaning of SHARDS when neither SHARD_LIST nor SHARDS_PER_POD is set", () => {
    expect(settingsOf({})?.shards).toBe(1);
    expect(settingsOf({})).not.toHaveProperty("ownShards");
    expect(settingsOf({ SHARDS: "4" })).not.toHaveProperty("ownShards");
    expect(settingsOf({ SHARDS: "auto", POD_NAME: "sebaya-discord-1" })).not.toHaveProperty("ownShards");
  });

  it("reads SHARD_LIST as numbers and ranges of SHARDS", () => {
    expect(settingsOf({ SHARDS: "8", SHARD_LIST: "0-3,6" })?.ownShards).toEqual({ list: [0, 1, 2, 3, 6], of: 8 });
    expect(settingsOf({ SHARDS: "8", SHARD_LIST: "7" })?.ownShards).toEqual({ list: [7], of: 8 });
    expect(settingsOf({ SHARD_LIST: "0" })?.ownShards).toEqual({ list: [0], of: 1 });
  });

  it("reads SHARD_LIST=none as a delivery replica that runs no shard", () => {
    expect(settingsOf({ SHARDS: "4", SHARD_LIST: "none" })?.ownShards).toEqual({ list: [], of: 4 });
    expect(settingsOf({ SHARD_LIST: "none" })?.ownShards).toEqual({ list: [], of: 1 });
  });

  it("derives a StatefulSet pod's shards from its ordinal", () => {
    const pod = (name: string, perPod: string, shards: string) =>
      settingsOf({ POD_NAME: name, SHARDS_PER_POD: perPod, SHARDS: shards })?.ownShards;
    expect(pod("sebaya-discord-0", "1", "3")).toEqual({ list: [0], of: 3 });
    expect(pod("sebaya-discord-2", "1", "3")).toEqual({ list: [2], of: 3 });
    expect(pod("sebaya-discord-2", "2", "6")).toEqual({ list: [4, 5], of: 6 });
    expect(pod("sebaya-discord-12", "1", "13")).toEqual({ list: [12], of: 13 });
  });

  it.each([
    ["a shard past SHARDS", { SHARDS: "4", SHARD_LIST: "4" }, "SHARD_LIST"],
    ["a range past SHARDS", { SHARDS: "4", SHARD_LIST: "2-5" }, "SHARD_LIST"],
    ["a range backwards", { SHARDS: "4", SHARD_LIST: "3-1" }, "SHARD_LIST"],
    ["a shard twice", { SHARDS: "4", SHARD_LIST: "0-2,1" }, "SHARD_LIST"],
    ["words", { SHARDS: "4", SHARD_LIST: "first" }, "SHARD_LIST"],
    ["an empty part", { SHARDS: "4", SHARD_LIST: "0,,1" }, "SHARD_LIST"],
    ["both ways at once", { SHARDS: "4", SHARD_LIST: "0", SHARDS_PER_POD: "1", POD_NAME: "sebaya-discord-0" }, "SHARD_LIST"],
    ["SHARDS=auto with a list", { SHARDS: "auto", SHARD_LIST: "0" }, "SHARDS"],
    ["SHARDS=auto per pod", { SHARDS: "auto", SHARDS_PER_POD: "1", POD_NAME: "sebaya-discord-0" }, "SHARDS"],
    ["per pod without POD_NAME", { SHARDS: "4", SHARDS_PER_POD: "1" }, "POD_NAME"],
    ["a pod name with no ordinal", { SHARDS: "4", SHARDS_PER_POD: "1", POD_NAME: "sebaya-discord-7d9f8-abcde" }, "POD_NAME"],
    ["a pod past SHARDS", { SHARDS: "4", SHARDS_PER_POD: "1", POD_NAME: "sebaya-discord-4" }, "SHARDS_PER_POD"],
    ["a pod's block past SHARDS", { SHARDS: "5", SHARDS_PER_POD: "2", POD_NAME: "sebaya-discord-2" }, "SHARDS_PER_POD"],
    ["zero per pod", { SHARDS: "4", SHARDS_PER_POD: "0", POD_NAME: "sebaya-discord-0" }, "SHARDS_PER_POD"],
    ["several shards without PostgreSQL", { SHARDS: "4", SHARD_LIST: "0", DATABASE_URL: "" }, "DATABASE_URL"],
    ["no shard here without PostgreSQL", { SHARD_LIST: "none", DATABASE_URL: "" }, "DATABASE_URL"],
    ["none among shards", { SHARDS: "4", SHARD_LIST: "0,none" }, "SHARD_LIST"],
  ])("refuses %s, naming the variable", (_, env, variable) => {
    const { variable: named, message } = failure(env);
    expect(named).toBe(variable);
    expect(message).toMatch(new RegExp(`^${variable} is invalid: expected .+`));
  });

  it("never echoes the pod's name", () => {
    expect(failure({ SHARDS: "4", SHARDS_PER_POD: "1", POD_NAME: "secret-looking-name" }).message).not.toContain(
      "secret-looking",
    );
  });
});
