/**
 * Reading the Lua scripts' replies back into the contract's results.
 *
 * A reply arrives as `unknown` from the wire, and the scripts and this code can drift apart (a
 * script edited without its decoder, or a hash written by something else under our prefix). So
 * each reply is checked against the shapes the scripts return, and anything else throws, which
 * the store reports as an `IdempotencyStoreError` instead of answering with a guess.
 */
import type {
  BeginResult,
  ClaimResult,
  ProgressParts,
  RecordView,
  StoredJson,
} from '#lib/send/store/store.ts';
import { progressParts } from '#lib/send/store/transitions.ts';

/**
 * The result of the BEGIN script: `['new', token]`, `['resumed', token]`, `['in-progress']`,
 * `['mismatch']` or `['done', resultJson]`.
 * @example decodeBegin(['done', '{"sent":1}']) // { state: 'done', result: { sent: 1 } }
 */
export function decodeBegin(reply: unknown): BeginResult {
  const [state, detail] = parts(reply);
  if (state === 'done') return { state, result: parseResult(detail) };
  if ((state === 'new' || state === 'resumed') && detail !== null) return { state, token: detail };
  if ((state === 'in-progress' || state === 'mismatch') && detail === null) return { state };
  throw unexpected(reply);
}

/**
 * The result of the CLAIM_CHUNK script: `['claimed', '0' | '1']`, `['in-progress']`,
 * `['lost']` or `['done', resultJson]`.
 * @example decodeClaim(['claimed', '1']) // { state: 'claimed', inDoubt: true }
 */
export function decodeClaim(reply: unknown): ClaimResult {
  const [state, detail] = parts(reply);
  if (state === 'done') return { state, result: parseResult(detail) };
  if ((state === 'in-progress' || state === 'lost') && detail === null) return { state };
  if (state === 'claimed' && (detail === '0' || detail === '1')) {
    return { state, inDoubt: detail === '1' };
  }
  throw unexpected(reply);
}

/**
 * The result of a compare-and-set script (FINISH, ABANDON, COMPLETE_CHUNK, RELEASE_CHUNK): 1
 * when it took effect, 0 when the caller was not the owner.
 * @example decodeWritten(1) // true
 */
export function decodeWritten(reply: unknown): boolean {
  if (reply === 1 || reply === 0) return reply === 1;
  throw unexpected(reply);
}

/**
 * The reply of the PEEK script: `[state, result]`, each `null` where the hash has no such field.
 * @example decodePeek(['done', '{"sent":1}']) // { state: 'done', result: { sent: 1 } }
 */
export function decodePeek(reply: unknown): RecordView | undefined {
  if (!Array.isArray(reply) || reply.length !== 2) throw unexpected(reply);
  const [state, result] = reply;
  if (state === null && result === null) return undefined;
  if (state === 'done' && typeof result === 'string') return { state, result: parseResult(result) };
  if ((state === 'in-progress' || state === 'abandoned') && result === null) return { state };
  throw unexpected(reply);
}

/**
 * The reply of the READ_PROGRESS script: HGETALL's flat `[part, json, part, json, …]`.
 * @example decodeProgress(['b0', '{"sent":10}']) // { b0: { sent: 10 } }
 */
export function decodeProgress(reply: unknown): ProgressParts | undefined {
  if (!Array.isArray(reply) || reply.length % 2 !== 0) throw unexpected(reply);
  const stored: Record<string, string> = {};
  for (let i = 0; i < reply.length; i += 2) {
    const [part, value] = [reply[i], reply[i + 1]];
    if (typeof part !== 'string' || typeof value !== 'string') throw unexpected(reply);
    stored[part] = value;
  }
  return progressParts(stored);
}

/** `[state, detail?]` with string items; `null` where Lua had nil (a missing hash field). */
function parts(reply: unknown): [unknown, string | null] {
  if (!Array.isArray(reply) || reply.length > 2) throw unexpected(reply);
  const [state, detail = null] = reply;
  if (detail !== null && typeof detail !== 'string') throw unexpected(reply);
  return [state, detail];
}

/** A result the store wrote with JSON.stringify; a done record without one replays `null`. */
function parseResult(text: string | null): StoredJson {
  return text === null ? null : (JSON.parse(text) as StoredJson);
}

function unexpected(reply: unknown): Error {
  return new Error(`unexpected script reply ${JSON.stringify(reply)}`);
}
