import type { MessageKey, Params } from "./i18n/translate";

/**
 * A refusal the member should read: an illegal move or a missing thing.
 * Thrown inside a use case, it rolls the transaction back, so nothing changes.
 */
export class Refusal extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(key);
    this.name = "Refusal";
  }
}
