/** An input that cannot be read: its message is one Vietnamese line for the user. */
export class InputError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "InputError";
  }
}
