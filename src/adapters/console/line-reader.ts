/**
 * Reads lines one at a time, queueing lines that arrive early, so a piped
 * script works as well as a person typing (readline's `question` drops lines
 * that arrive while no question is pending).
 */
import { createInterface } from "node:readline";

export interface LineReader {
  /** Writes the prompt and resolves with the next line, or null at end of input. */
  ask(prompt: string): Promise<string | null>;
  /**
   * After an end of input, reads on if the input is a terminal (Ctrl-D inside a form closes only
   * the form); false for a pipe or file, whose end is the end (and for a reader without it).
   */
  resume?(): boolean;
  close(): void;
}

/** `reopen` gives the terminal again after Ctrl-D (a new stream on the same tty); none for a pipe. */
export function lineReader(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  reopen?: () => NodeJS.ReadableStream,
): LineReader {
  const queue: string[] = [];
  const waiting: Array<(line: string | null) => void> = [];
  let closed = false;
  let rl = listen(input);

  function listen(stream: NodeJS.ReadableStream) {
    const reader = createInterface({ input: stream, terminal: false });
    reader.on("line", (line) => {
      const resolve = waiting.shift();
      if (resolve) resolve(line);
      else queue.push(line);
    });
    reader.on("close", () => {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve(null);
    });
    return reader;
  }

  return {
    ask(prompt) {
      output.write(prompt);
      const line = queue.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (closed) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(resolve));
    },
    resume() {
      if (!closed) return true;
      if (!reopen) return false;
      closed = false;
      rl = listen(reopen());
      return true;
    },
    close: () => rl.close(),
  };
}
