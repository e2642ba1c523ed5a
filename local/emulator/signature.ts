/**
 * Alibaba Cloud RPC signature V1.0 (HMAC-SHA1), written from the published algorithm alone.
 *
 * The emulator is an independent check of the project's signer, so this file deliberately shares
 * no code with `lib/` or `@alicloud/pop-core`: if both sides made the same mistake, the test
 * vectors in `test/fixtures/pop-vectors.json` would still catch it. The steps follow reference
 * mpaas-openapi.md §1.3: RFC 3986 encoding, byte-order sort, the canonical string encoded a
 * second time, and a Base64 HMAC-SHA1 keyed with `secret + "&"`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Request parameters as the gateway sees them: every value a string. */
export type SignedParams = Readonly<Record<string, string>>;

/** The outcome of checking a request's `Signature`. */
export interface SignatureCheck {
  /** True when the request's `Signature` equals the server's calculation. */
  valid: boolean;
  /** The server's StringToSign, which the gateway quotes back on a mismatch. */
  stringToSign: string;
}

/**
 * Percent-encodes a string per RFC 3986: only `A-Z a-z 0-9 - _ . ~` stay, space is `%20`.
 * @example percentEncode("a b*") // "a%20b%2A"
 */
export function percentEncode(value: string): string {
  // encodeURIComponent leaves !'()* alone; RFC 3986 reserves them.
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function byCodeUnit(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Builds the CanonicalizedQueryString: every parameter except `Signature`, sorted by name,
 * each name and value percent-encoded, joined with `&`.
 * @example canonicalize({ B: '2', A: 'x y' }) // "A=x%20y&B=2"
 */
export function canonicalize(params: SignedParams): string {
  return Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort(byCodeUnit)
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

/**
 * Builds the StringToSign: `METHOD&%2F&` + the canonical string, encoded once more.
 * @example stringToSign('POST', { A: '1' }) // "POST&%2F&A%3D1"
 */
export function stringToSign(method: string, params: SignedParams): string {
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalize(params))}`;
}

/**
 * Signs a StringToSign: Base64 of the raw HMAC-SHA1 digest, keyed with `secret + "&"`.
 * @example sign('GET&%2F&A%3D1', 'testsecret') // a 28-character Base64 string
 */
export function sign(toSign: string, secret: string): string {
  return createHmac('sha1', `${secret}&`).update(toSign, 'utf8').digest('base64');
}

/**
 * Checks the `Signature` parameter of a request against the server's own calculation.
 * The comparison runs in constant time so the emulator does not model a timing oracle.
 * @example verifySignature('GET', { A: '1', Signature: 'x' }, 'secret').valid // false
 */
export function verifySignature(
  method: string,
  params: SignedParams,
  secret: string,
): SignatureCheck {
  const toSign = stringToSign(method, params);
  const expected = Buffer.from(sign(toSign, secret), 'utf8');
  const given = Buffer.from(params.Signature ?? '', 'utf8');
  const valid = given.length === expected.length && timingSafeEqual(given, expected);
  return { valid, stringToSign: toSign };
}
