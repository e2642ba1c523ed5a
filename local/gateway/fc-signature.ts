/**
 * Verification of FC's own request signature (`Authorization: FC <AccessKeyId>:<signature>`), as
 * `@alicloud/fc2` 2.6.6 computes it (lib/client.js `request`, `getSignature`; lib/helper.js
 * `composeStringToSign`), so the local gateway refuses what FC would refuse: a wrong secret, a
 * stale token, an edited body or header. The gateway does the same on its invoke API.
 *
 * String to sign: `METHOD\nContent-MD5\nContent-Type\nDate\n`, every `x-fc-*` header (lower-case,
 * sorted, `key:value\n`), then the path; the query only for `/proxy/` paths. Content-MD5 is the
 * base64 of the *hex* MD5 of the body; it is what ties the body to the signature, so a body
 * without it is refused. As FC (help.aliyun.com document 53252), every refusal is a 403. Messages
 * never quote the string to sign: it holds the security token.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  bodyHashMatches,
  parseV3Authorization,
  signatureMatches,
  unsignedHeader,
  V3_ALGORITHM,
} from '#local/emulator/signature-v3.ts';

/** What a signature covers. `path` is the request target as sent, query included. */
export interface SignedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The secret half of a key the gateway knows. */
export interface KnownCredential {
  accessKeySecret: string;
  securityToken: string;
}

/** Finds the secret and token issued with an AccessKeyId; undefined if it was never issued. */
export type CredentialLookup = (accessKeyId: string) => KnownCredential | undefined;

export type SignatureRefusal = { ok: false; status: number; code: string; message: string };
export type SignatureVerdict = { ok: true; accessKeyId: string } | SignatureRefusal;

export interface VerifyOptions {
  /** The verifier's clock, in ms. Default `Date.now()`. */
  now?: number;
}

/** FC refuses a `date` further than this from its clock (help.aliyun.com document 53252). */
const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = /^FC ([^\s:]+):(\S+)$/;
const NOT_MATCHED =
  'The request signature we calculated does not match the signature you provided. Check your access key and signing method.';

/**
 * Checks, in order: an `FC` authorization, the body against `content-md5`, the `date`, the key,
 * its security token, and the signature (compared in constant time).
 * @example
 * const verdict = verifyFcSignature({ method: 'POST', path: req.url, headers: req.headers, body }, minter.lookup);
 * if (!verdict.ok) sendJson(res, verdict.status, { Code: verdict.code, Message: verdict.message });
 */
export function verifyFcSignature(
  req: SignedRequest,
  lookupSecret: CredentialLookup,
  options: VerifyOptions = {},
): SignatureVerdict {
  const request = { ...req, headers: lowerCaseNames(req.headers) };
  const authorization = header(request.headers, 'authorization');
  if (!authorization) return refuse('AccessDenied', 'The request is not signed.');
  const parsed = AUTHORIZATION.exec(authorization);
  if (!parsed)
    return refuse('InvalidSignature', 'Authorization must be "FC <AccessKeyId>:<signature>".');
  const [, accessKeyId = '', signature = ''] = parsed;
  const problem = checkBody(request) ?? checkDate(request, options.now ?? Date.now());
  if (problem) return problem;
  const credential = lookupSecret(accessKeyId);
  if (!credential) return refuse('InvalidAccessKeyID', `invalid access key ID '${accessKeyId}'`);
  const token = header(request.headers, 'x-fc-security-token');
  if (credential.securityToken && !token)
    return refuse('MissingSecurityToken', 'x-fc-security-token is required for STS keys.');
  if ((credential.securityToken || token) && !constantTimeEqual(token, credential.securityToken))
    return refuse('InvalidSecurityToken', 'The security token does not belong to this key.');
  const expected = createHmac('sha256', credential.accessKeySecret)
    .update(fcStringToSign(request), 'utf8')
    .digest('base64');
  if (!constantTimeEqual(signature, expected)) return refuse('SignatureNotMatch', NOT_MATCHED);
  return { ok: true, accessKeyId };
}

/**
 * FC's string to sign for a request (header names lower-case), as fc2's `composeStringToSign` builds it.
 * @example createHmac('sha256', secret).update(fcStringToSign(req)).digest('base64')
 */
export function fcStringToSign(req: Omit<SignedRequest, 'body'>): string {
  const { headers } = req;
  const [rawPath = '', search = ''] = req.path.split(/\?(.*)/s);
  // FC signs the decoded path (document 53252); fc2 signs the path it sent, unencoded.
  const pathname = decodePath(rawPath);
  const fcHeaders = Object.keys(headers)
    .filter((key) => key.startsWith('x-fc-'))
    .sort()
    .map((key) => `${key}:${header(headers, key)}\n`)
    .join('');
  const signed = [req.method, header(headers, 'content-md5'), header(headers, 'content-type')];
  const base = `${signed.join('\n')}\n${header(headers, 'date')}\n${fcHeaders}${pathname}`;
  // fc2 signs the query only when its (unversioned) path starts with /proxy/.
  if (!/^\/[^/]+\/proxy\//.test(pathname)) return base;
  const pairs = [...new URLSearchParams(search)].map(([key, value]) => `${key}=${value}`);
  return `${base}\n${pairs.sort().join('\n')}`;
}

/**
 * Content-MD5 as fc2 sends it: the base64 of the hex MD5 string of the body.
 * @example fcContentMd5(Buffer.from('')) // 'ZDQxZDhjZDk4ZjAwYjIwNGU5ODAwOTk4ZWNmODQyN2U='
 */
export function fcContentMd5(body: Buffer): string {
  const hex = createHash('md5').update(body).digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}

function checkBody(req: SignedRequest): SignatureRefusal | undefined {
  const md5 = header(req.headers, 'content-md5');
  if (!md5 && req.body.length === 0) return undefined;
  if (!md5)
    return refuse('MissingRequiredHeader', 'required HTTP header Content-MD5 was not specified');
  if (md5 !== fcContentMd5(req.body))
    return refuse('InvalidDigest', 'Content-MD5 does not match the request body.');
  return undefined;
}

function checkDate(req: SignedRequest, now: number): SignatureRefusal | undefined {
  const date = header(req.headers, 'date');
  if (!date) return refuse('MissingRequiredHeader', 'required HTTP header Date was not specified');
  const sent = Date.parse(date);
  if (Number.isNaN(sent))
    return refuse('InvalidArgument', `Date ${JSON.stringify(date)} is not an HTTP date.`);
  if (Math.abs(now - sent) > MAX_SKEW_MS)
    return refuse(
      'RequestTimeTooSkewed',
      'Date is more than 15 minutes away from the server time.',
    );
  return undefined;
}

/**
 * The gateway's rule for its invoke API: a signed request is always verified; an unsigned one
 * passes unless `requireSignature`. Returns the refusal to send, or undefined.
 * @example const refusal = invokeRefusal(signed, { requireSignature: true, lookup: minter.lookup });
 */
export function invokeRefusal(
  req: SignedRequest,
  policy: { requireSignature: boolean; lookup: CredentialLookup | undefined },
): SignatureRefusal | undefined {
  if (!req.headers.authorization && !policy.requireSignature) return undefined;
  const lookup = policy.lookup ?? (() => undefined);
  const v3 = header(lowerCaseNames(req.headers), 'authorization').startsWith(`${V3_ALGORITHM} `);
  const verdict = v3 ? verifyAcs3Signature(req, lookup) : verifyFcSignature(req, lookup);
  return verdict.ok ? undefined : verdict;
}

/**
 * FC 3.0's own scheme for its API, ACS3-HMAC-SHA256 (what `@alicloud/fc20230330` sends; the
 * canonical request of local/emulator/signature-v3.ts): the body against
 * `x-acs-content-sha256`, every `x-acs-*` header signed, `x-acs-date` within 15 minutes, the
 * key, its token (`x-acs-security-token`), and the signature.
 * @example verifyAcs3Signature({ method: 'POST', path: req.url, headers: req.headers, body }, minter.lookup)
 */
export function verifyAcs3Signature(
  req: SignedRequest,
  lookupSecret: CredentialLookup,
  options: VerifyOptions = {},
): SignatureVerdict {
  const headers = lowerCaseNames(req.headers);
  const auth = parseV3Authorization(header(headers, 'authorization'));
  if (!auth) {
    return refuse(
      'InvalidSignature',
      'Authorization must be "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…".',
    );
  }
  const url = new URL(req.path, 'http://gateway.invalid');
  const request = {
    method: req.method,
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: req.body,
  };
  const unsigned = unsignedHeader(headers, auth, ['host']);
  if (unsigned) return refuse('InvalidSignature', `The header ${unsigned} must be signed.`);
  if (!bodyHashMatches(request)) {
    return refuse('InvalidArgument', 'x-acs-content-sha256 is not the SHA-256 of the body.');
  }
  const date = Date.parse(header(headers, 'x-acs-date'));
  if (!Number.isFinite(date) || Math.abs((options.now ?? Date.now()) - date) > MAX_SKEW_MS) {
    return refuse(
      'RequestTimeTooSkewed',
      'x-acs-date is more than 15 minutes away from the server time.',
    );
  }
  const credential = lookupSecret(auth.accessKeyId);
  if (!credential)
    return refuse('InvalidAccessKeyID', `invalid access key ID '${auth.accessKeyId}'`);
  if (!signatureMatches(request, auth, credential.accessKeySecret)) {
    return refuse('SignatureNotMatch', NOT_MATCHED);
  }
  if (!constantTimeEqual(header(headers, 'x-acs-security-token'), credential.securityToken)) {
    return refuse('InvalidSecurityToken', 'The security token does not belong to this key.');
  }
  return { ok: true, accessKeyId: auth.accessKeyId };
}

function refuse(code: string, message: string): SignatureRefusal {
  return { ok: false, status: 403, code, message };
}

/** One header's value ('' when absent); Node joins repeated ones with ', '. */
function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(', ') : value) ?? '';
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function lowerCaseNames(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

/** Equality that takes as long for any two inputs: both sides are hashed to one length first. */
function constantTimeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
