/**
 * The pushes the emulator accepted, in order, for tests and the local stack to inspect.
 *
 * A record holds what mPaaS would deliver, never what authenticated it: the SecurityToken, the
 * secret and the Signature stay out, because `GET /_pushes` answers over plain HTTP and its
 * output ends up in test logs.
 */

/** One accepted push. */
export interface RecordedPush {
  requestId: string;
  action: string;
  apiVersion: string;
  /** Business parameters, decoded; JSON-valued ones (TargetMsgkey, …) parsed into objects. */
  params: Record<string, unknown>;
  accessKeyId: string;
  /** The template's title with its placeholders filled ('' when the template has none). */
  title: string;
  /** The notification text: the template's content with its placeholders filled. */
  text: string;
  /** ISO 8601 instant on the emulator's clock. */
  receivedAt: string;
  /** The size of the call's body as it arrived: the signed form, signature included. */
  bodyBytes: number;
}

/** An append-only list of accepted pushes that hands out copies. */
export class PushLog {
  #pushes: RecordedPush[] = [];

  /** Records an accepted push. */
  add(push: RecordedPush): void {
    this.#pushes.push(structuredClone(push));
  }

  /** Copies of every recorded push, oldest first. */
  list(): RecordedPush[] {
    return structuredClone(this.#pushes);
  }

  /** Forgets every recorded push. */
  clear(): void {
    this.#pushes = [];
  }
}
