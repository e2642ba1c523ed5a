/**
 * Redaction of credentials from anything that may reach a log or a response.
 *
 * Credentials hide in three shapes: object keys (`securityToken`, `accessKeySecret`, `Signature`),
 * query-string pairs in URLs that pop-core and httpx put into error messages
 * (`SecurityToken=…&Signature=…`), and the gateway's `SignatureDoesNotMatch` message, which quotes
 * the whole server string to sign, token included, percent-encoded once or twice. Every shape is
 * handled here so the logger and the error classes can call one function.
 */

export const REDACTED = '[REDACTED]';

/** Keys whose values are never shown, compared case-insensitively without `_` and `-`. */
const SECRET_KEYS = new Set([
  'securitytoken',
  'accesskeysecret',
  'secretaccesskey',
  'signature',
  'secret',
  'password',
  'authorization',
  'token',
  'xfcsecuritytoken',
  'credentials',
  'stringtosign',
]);

/** `SecurityToken=…`, `Signature=…`, `AccessKeySecret=…` with `=` possibly encoded as %3D or %253D. */
const SECRET_PAIR =
  /((?:SecurityToken|Signature|AccessKeySecret|accessKeySecret|securityToken)(?:=|%3D|%253D|"\s*:\s*"))(?:(?!%26|%2526)[^&"\s])*/gi;

/**
 * The gateway quotes its string to sign after this phrase; it contains the token. The quoted
 * text stops before another instance of the phrase, which is then redacted in its turn (a
 * property test found that a repeated phrase let the second one's text through).
 */
const STRING_TO_SIGN = /(server string to sign is:)\s*(?:(?!server string to sign is:)\S)+/gi;

/** Matches `Authorization: FC key:signature` style values. */
const AUTH_HEADER = /\b(FC|ACS3-HMAC-SHA256)\s+[^\s,]+/g;

/** Every text any of the three patterns above can match matches this one (a superset). */
const MAY_HOLD_SECRET =
  /securitytoken|signature|accesskeysecret|string to sign|\b(?:FC|ACS3-HMAC-SHA256)\s/i;

/**
 * Removes credentials from a free-text message.
 * @example redactText('GET https://x/?SecurityToken=abc&Signature=xyz failed') // '…SecurityToken=[REDACTED]&Signature=[REDACTED] failed'
 */
export function redactText(text: string): string {
  // most log strings hold none of the three shapes: one test instead of three replacements
  if (!MAY_HOLD_SECRET.test(text)) return text;
  return text
    .replace(STRING_TO_SIGN, `$1 ${REDACTED}`)
    .replace(SECRET_PAIR, `$1${REDACTED}`)
    .replace(AUTH_HEADER, `$1 ${REDACTED}`);
}

/**
 * Answers of `isSecretKey` for keys already seen: a log line's keys are mostly the same few dozen
 * names on every line. Bounded in entries and in key length, as keys can come from a caller's
 * data; past the bounds, keys are normalised each time.
 */
const KEY_ANSWERS = new Map<string, boolean>();
const MAX_KEY_ANSWERS = 512;
const MAX_KEPT_KEY_LENGTH = 64;

/** True when a key names a credential. */
export function isSecretKey(key: string): boolean {
  const known = KEY_ANSWERS.get(key);
  if (known !== undefined) return known;
  const secret = SECRET_KEYS.has(key.replace(/[-_]/g, '').toLowerCase());
  if (KEY_ANSWERS.size < MAX_KEY_ANSWERS && key.length <= MAX_KEPT_KEY_LENGTH) {
    KEY_ANSWERS.set(key, secret);
  }
  return secret;
}

/**
 * Returns a copy of `value` that is safe to log: secret keys masked, strings scrubbed,
 * cycles and depth bounded, errors reduced to name and message.
 * @example redact({ accessKeyId: 'STS.a', securityToken: 't' }) // { accessKeyId: 'STS.a', securityToken: '[REDACTED]' }
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8 || seen.has(value)) return '[Truncated]';
  seen.add(value);
  if (value instanceof Error) return redactError(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? REDACTED : redact(inner, depth + 1, seen);
  }
  return out;
}

/** Shows enough of an AccessKeyId to tell keys apart in logs, never the whole id. */
export function maskKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '****' : `${accessKeyId.slice(0, 8)}****`;
}

/** An error as name, message and its own scalar fields (code, retryable, …); never its cause. */
function redactError(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: redactText(error.message) };
  for (const [key, inner] of Object.entries(error)) {
    if (key === 'cause' || typeof inner === 'object' || typeof inner === 'function') continue;
    out[key] = isSecretKey(key) ? REDACTED : typeof inner === 'string' ? redactText(inner) : inner;
  }
  return out;
}
