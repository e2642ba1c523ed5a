/**
 * Alibaba Cloud's signature V3 (ACS3-HMAC-SHA256), as the mPaaS emulator verifies it: the
 * scheme of `@alicloud/openapi-client`, the core of every generated Alibaba Cloud SDK for
 * Node.js, so that a team pointing its own SDK-based code at local mode is heard.
 *
 * From the V3 document (reference mpaas-openapi.md §3; help.aliyun.com/zh/sdk/product-overview/
 * v3-request-structure-and-signature):
 *
 *     CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
 *                        SignedHeaders \n HashedRequestPayload
 *     StringToSign     = "ACS3-HMAC-SHA256\n" + hex(SHA256(CanonicalRequest))
 *     Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *
 * with headers lower-cased, `name:value\n` each, sorted; the query's names and values
 * percent-encoded (RFC 3986) and sorted; `host`, `content-type` and every `x-acs-*` header
 * signed. Written from the document, not from an SDK; test/local/signature-v3.test.ts checks it
 * against the document's published example and against the official client.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** What a V3 signature covers. */
export interface V3Request {
  method: string;
  /** The path, as sent (already percent-encoded). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The `Authorization` header's parts. */
export interface V3Authorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** RFC 3986 percent-encoding, as the V3 document asks (`!'()*` too). */
function encode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The hex SHA-256 of `data`: the payload hash, and the hash of the canonical request. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim();
}

/**
 * The canonical request of `request` over `signedHeaders` (lower case, in any order).
 * @example canonicalRequest(req, ['host', 'x-acs-action']).split('\n')[0] // 'POST'
 */
export function canonicalRequest(request: V3Request, signedHeaders: readonly string[]): string {
  const names = [...signedHeaders].map((name) => name.toLowerCase()).sort();
  const query = [...request.query.entries()]
    .map(([name, value]) => [encode(name), encode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return [
    request.method.toUpperCase(),
    request.path || '/',
    query,
    names.map((name) => `${name}:${headerValue(request.headers, name)}\n`).join(''),
    names.join(';'),
    // the body's own hash: a client that declares another in x-acs-content-sha256 is refused
    sha256Hex(request.body),
  ].join('\n');
}

/**
 * The signature of a canonical request.
 * @example signV3('YourAccessKeySecret', canonical) // 64 hex digits
 */
export function signV3(secret: string, canonical: string): string {
  const stringToSign = `${V3_ALGORITHM}\n${sha256Hex(canonical)}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

/**
 * The parts of `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`, or undefined.
 * @example parseV3Authorization('ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=ab')
 */
export function parseV3Authorization(value: string | undefined): V3Authorization | undefined {
  if (value === undefined || !value.startsWith(`${V3_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of value.slice(V3_ALGORITHM.length + 1).split(',')) {
    const at = part.indexOf('=');
    if (at > 0) fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!accessKeyId || !signedHeaders || !signature) return undefined;
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
}

/**
 * The first of `required`, or of the request's `x-acs-*` headers (and `content-type` when
 * `withContentType`), that the signature leaves out; undefined when every one is signed.
 * @example unsignedHeader(req.headers, auth, ['host']) // 'x-acs-date' when it is sent but not signed
 */
export function unsignedHeader(
  headers: IncomingHttpHeaders,
  auth: V3Authorization,
  required: readonly string[],
  withContentType = false,
): string | undefined {
  const signed = new Set(auth.signedHeaders.map((name) => name.toLowerCase()));
  const sent = Object.keys(headers).filter(
    (name) => name.startsWith('x-acs-') || (withContentType && name === 'content-type'),
  );
  return [...required, ...sent].find((name) => !signed.has(name));
}

/** Whether `x-acs-content-sha256` is the SHA-256 of the body. */
export function bodyHashMatches(request: V3Request): boolean {
  return headerValue(request.headers, 'x-acs-content-sha256') === sha256Hex(request.body);
}

/** Whether `auth`'s signature is the one `secret` gives this request. */
export function signatureMatches(
  request: V3Request,
  auth: V3Authorization,
  secret: string,
): boolean {
  return sameSignature(
    auth.signature,
    signV3(secret, canonicalRequest(request, auth.signedHeaders)),
  );
}

/** Whether two hex signatures are equal, in constant time. */
export function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
