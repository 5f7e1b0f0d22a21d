/**
 * One screen of the playground: the messages printed at once (a `:show`, or
 * what arrived since the last prompt). Its buttons are numbered from 1, so
 * the only button on screen is [1], not the 38th of the session; `:press`
 * acts on the last screen that showed buttons.
 */
export class Screen {
  /** The workspace's ids of the buttons shown, by their number here minus one. */
  readonly #ids: number[] = [];

  numberOf(buttonId: number): number {
    const index = this.#ids.indexOf(buttonId);
    if (index >= 0) return index + 1;
    this.#ids.push(buttonId);
    return this.#ids.length;
  }

  buttonId(number: number): number | undefined {
    return Number.isInteger(number) && number >= 1 ? this.#ids[number - 1] : undefined;
  }

  get buttonIds(): readonly number[] {
    return this.#ids;
  }
}
