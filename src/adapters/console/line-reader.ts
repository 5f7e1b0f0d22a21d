/**
 * Reads lines one at a time, queueing lines that arrive early, so a piped
 * script works as well as a person typing (readline's `question` drops lines
 * that arrive while no question is pending).
 */
import { createInterface } from "node:readline";

export interface LineReader {
  /** Writes the prompt and resolves with the next line, or null at end of input. */
  ask(prompt: string): Promise<string | null>;
  close(): void;
}

export function lineReader(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): LineReader {
  const rl = createInterface({ input, terminal: false });
  const queue: string[] = [];
  const waiting: Array<(line: string | null) => void> = [];
  let closed = false;
  rl.on("line", (line) => {
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else queue.push(line);
  });
  rl.on("close", () => {
    closed = true;
    for (const resolve of waiting.splice(0)) resolve(null);
  });
  return {
    ask(prompt) {
      output.write(prompt);
      const line = queue.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (closed) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => rl.close(),
  };
}
