import { LocalizedError } from "../engine/i18n";

export type { Bilingual } from "../engine/i18n";

/**
 * An input that cannot be read: one line for the user, Vietnamese (`message`); the reader's own
 * refusals carry the English line too (`in("en")`, for `--lang en` and the pane in English).
 */
export class InputError extends LocalizedError {
  override readonly name = "InputError";
}
