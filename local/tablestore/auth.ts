/**
 * Authentication of one Tablestore request, with code of its own (not the client's signer), so
 * the emulator is an independent judge of `lib/send/store/tablestore/signer.ts` and agrees with
 * the real SDK (`test/local/tablestore-sdk.test.ts`).
 *
 * Order: required headers and date format (400), clock skew and instance (403), then the key, the
 * signature, and only after a valid signature the STS token and the body's MD5 (403), so a caller
 * without the secret learns nothing about tokens. Every 403 is `OTSAuthFailed`. Messages are the
 * documented ones; the two token messages are the emulator's own wording.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { OTS_API_VERSION } from '#lib/send/store/tablestore/signer.ts';
import type { CredentialStore } from '#local/emulator/sts.ts';
import { authFailed, parameterInvalid } from './errors.ts';

/** How far `x-ots-date` may be from the emulator's clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const REQUIRED = [
  'x-ots-date',
  'x-ots-apiversion',
  'x-ots-accesskeyid',
  'x-ots-instancename',
  'x-ots-contentmd5',
] as const;

/** What authentication needs to know. */
export interface AuthContext {
  instance: string;
  credentials: CredentialStore;
  /**
   * The clock `x-ots-date` is checked against: the system clock, not the emulator's data clock,
   * since clients sign with the real time while tests move the data clock days ahead for TTL.
   */
  wallClock: () => number;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function expectedSignature(path: string, headers: IncomingHttpHeaders, secret: string): Buffer {
  const lines = Object.keys(headers)
    .filter((name) => name.startsWith('x-ots-') && name !== 'x-ots-signature')
    .sort()
    .map((name) => `${name}:${header(headers, name) ?? ''}`);
  const text = `${path}\nPOST\n\n${lines.join('\n')}\n`;
  return createHmac('sha1', secret).update(text).digest();
}

function sameSignature(given: string | undefined, expected: Buffer): boolean {
  if (given === undefined) return false;
  const bytes = Buffer.from(given, 'base64');
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

function checkDate(date: string, now: number): void {
  const time = Date.parse(date);
  if (Number.isNaN(time)) throw parameterInvalid(`Invalid date format: ${date}.`);
  if (Math.abs(time - now) > MAX_CLOCK_SKEW_MS) {
    throw authFailed(`Mismatch between system time and x-ots-date: ${date}.`);
  }
}

/**
 * Throws the documented `OtsServiceError` unless the request is signed by a live credential of
 * the emulator's STS for the emulator's instance; answers the caller's AccessKeyId.
 * @example authenticate('/GetRow', req.headers, body, context) // 'STS.…'
 */
export function authenticate(
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  context: AuthContext,
): string {
  for (const name of REQUIRED) {
    if (header(headers, name) === undefined) throw parameterInvalid(`Missing header: ${name}.`);
  }
  const version = header(headers, 'x-ots-apiversion');
  if (version !== OTS_API_VERSION) throw parameterInvalid(`Unsupported API version: ${version}.`);
  checkDate(header(headers, 'x-ots-date') ?? '', context.wallClock());
  if (header(headers, 'x-ots-instancename') !== context.instance) {
    throw authFailed('The instance is not found.');
  }
  const accessKeyId = header(headers, 'x-ots-accesskeyid') ?? '';
  const credential = context.credentials.find(accessKeyId);
  if (credential === undefined) throw authFailed('The AccessKeyID does not exist.');
  const expected = expectedSignature(path, headers, credential.accessKeySecret);
  if (!sameSignature(header(headers, 'x-ots-signature'), expected)) {
    throw authFailed('Signature mismatch.');
  }
  if (header(headers, 'x-ots-ststoken') !== credential.securityToken) {
    throw authFailed('The security token you provided is invalid.');
  }
  if (context.credentials.isExpired(credential)) {
    throw authFailed('The security token you provided has expired.');
  }
  if (createHash('md5').update(body).digest('base64') !== header(headers, 'x-ots-contentmd5')) {
    throw authFailed('Mismatch between MD5 value of request body and x-ots-contentmd5 in header.');
  }
  return accessKeyId;
}
