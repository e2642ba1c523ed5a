/**
 * The calls the emulator refused, for the console: signature and token errors, mPaaS result
 * codes (3022 an unknown template, 3023 placeholders missing, 8011 throttling, …) and injected
 * faults, each with its code and the business parameters of the request it answered. Like the
 * push log it never holds what authenticated the call (the signature, the token, the key).
 */

/** One refused call. */
export interface Refusal {
  requestId: string;
  /** The RPC action asked for ('' when the call named none). */
  action: string;
  /** How it was refused: the gateway's `Code`, mPaaS's `ResultCode`, or an injected fault. */
  kind: 'gateway' | 'result' | 'fault';
  /** The code: `SignatureDoesNotMatch`, `3022`, `fault:html`, … */
  code: string;
  message: string;
  /** The HTTP status answered (0 for a connection reset). */
  status: number;
  /** The request's business parameters: AppId, TemplateName, TargetMsgkey, … */
  params: Record<string, string>;
  receivedAt: string;
}

/**
 * A refusal's message as the log may keep it: the gateway quotes its whole string to sign after
 * "string to sign is:" (SignatureDoesNotMatch, IncompleteSignature), and that string holds the
 * caller's SecurityToken and AccessKeyId, so everything after the phrase is withheld.
 * @example withheld('… server string to sign is:POST&%2F&AccessKeyId%3D…') // '… server string to sign is: [withheld]'
 */
export function withheld(message: string): string {
  return message.replace(/(string to sign is:)[\s\S]*/i, '$1 [withheld]');
}

/** The most refusals kept: the oldest go first. */
const MAX_REFUSALS = 1000;

/** The refused calls, oldest first, at most 1,000. */
export class RefusalLog {
  #refusals: Refusal[] = [];

  add(refusal: Refusal): void {
    this.#refusals.push(structuredClone({ ...refusal, message: withheld(refusal.message) }));
    if (this.#refusals.length > MAX_REFUSALS) this.#refusals.shift();
  }

  list(): Refusal[] {
    return structuredClone(this.#refusals);
  }

  clear(): void {
    this.#refusals = [];
  }
}
