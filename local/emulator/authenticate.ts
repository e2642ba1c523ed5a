/**
 * The gateway's authentication of an RPC request, check by check in a fixed order.
 *
 * The order matters: the cheap structural checks run first, then the key, the clock and the
 * signature, and only then the token (mismatched, expired), so that what a caller learns about a
 * token takes the key's secret; a caller with an expired token still hears
 * `InvalidSecurityToken.Expired` (refresh and retry), since its signature is valid. The nonce is
 * last, so a forged or tampered request cannot burn a legitimate caller's nonce.
 */
import { type GatewayError, gatewayError, missingParameter } from './errors.ts';
import type { NonceCache } from './nonces.ts';
import { type SignedParams, stringToSign, verifySignature } from './signature.ts';
import {
  bodyHashMatches,
  canonicalRequest,
  parseV3Authorization,
  sha256Hex,
  signatureMatches,
  unsignedHeader,
  V3_ALGORITHM,
  type V3Authorization,
  type V3Request,
} from './signature-v3.ts';
import type { CredentialStore } from './sts.ts';

/** Allowed difference between the request's `Timestamp` and the emulator's clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** What authentication needs from the emulator. */
export interface AuthDependencies {
  credentials: CredentialStore;
  nonces: NonceCache;
  now: () => Date;
}

/** Either the authenticated key or the gateway error to answer. */
export type AuthOutcome = { ok: true; accessKeyId: string } | { ok: false; error: GatewayError };

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const MANDATORY = ['AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce'];

function checkSignatureShape(method: string, params: SignedParams): GatewayError | undefined {
  if (params.Signature === undefined || params.Signature === '') {
    const message = `The request signature does not conform to Aliyun standards. server string to sign is:${stringToSign(method, params)}`;
    return gatewayError('IncompleteSignature', { message });
  }
  const missing = MANDATORY.find((name) => !params[name]);
  if (missing !== undefined) return missingParameter(missing);
  if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
    const message =
      'The request signature does not conform to Aliyun standards. Only SignatureMethod HMAC-SHA1 with SignatureVersion 1.0 is supported.';
    return gatewayError('IncompleteSignature', { message });
  }
  return undefined;
}

function checkTimestamp(value: string | undefined, now: Date): GatewayError | undefined {
  // Strict form, no milliseconds: the documented format, so a sloppy signer is caught here.
  const instant = value !== undefined && TIMESTAMP.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(instant)) return gatewayError('InvalidTimeStamp.Format');
  if (Math.abs(now.getTime() - instant) > MAX_CLOCK_SKEW_MS) {
    return gatewayError('InvalidTimeStamp.Expired');
  }
  return undefined;
}

function checkKeyAndSignature(
  method: string,
  params: SignedParams,
  deps: AuthDependencies,
): GatewayError | undefined {
  const credential = deps.credentials.find(params.AccessKeyId ?? '');
  if (credential === undefined) return gatewayError('InvalidAccessKeyId.NotFound');
  if (!params.SecurityToken) return gatewayError('MissingSecurityToken');
  const skew = checkTimestamp(params.Timestamp, deps.now());
  if (skew !== undefined) return skew;
  // The signature before the token: only a caller holding the key's secret may learn whether a
  // token belongs to the key, or else a bare AccessKeyId would be an oracle for tokens.
  const check = verifySignature(method, params, credential.accessKeySecret);
  if (!check.valid) {
    const message = `Specified signature is not matched with our calculation. server string to sign is:${check.stringToSign}`;
    return gatewayError('SignatureDoesNotMatch', { message });
  }
  if (params.SecurityToken !== credential.securityToken) {
    return gatewayError('InvalidSecurityToken.MismatchWithAccessKey');
  }
  if (deps.credentials.isExpired(credential)) return gatewayError('InvalidSecurityToken.Expired');
  return undefined;
}

/**
 * Authenticates an RPC request: signature parameters, key, token, timestamp, signature, nonce.
 * @example authenticate('POST', params, deps) // { ok: true, accessKeyId: 'STS.…' }
 */
export function authenticate(
  method: string,
  params: SignedParams,
  deps: AuthDependencies,
): AuthOutcome {
  const error = checkSignatureShape(method, params) ?? checkKeyAndSignature(method, params, deps);
  if (error !== undefined) return { ok: false, error };
  const accessKeyId = params.AccessKeyId ?? '';
  if (!deps.nonces.remember(params.SignatureNonce ?? '')) {
    return { ok: false, error: gatewayError('SignatureNonceUsed') };
  }
  return { ok: true, accessKeyId };
}

/** Headers a V3 request must sign (reference mpaas-openapi.md §3). */
const V3_REQUIRED = [
  'host',
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
];

function incomplete(message: string): GatewayError {
  return gatewayError('IncompleteSignature', {
    message: `The request signature does not conform to Aliyun standards. ${message}`,
  });
}

function v3Shape(request: V3Request, auth: V3Authorization | undefined): GatewayError | undefined {
  if (auth === undefined) {
    return incomplete(
      'Authorization must be ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex>.',
    );
  }
  const unsigned = unsignedHeader(request.headers, auth, V3_REQUIRED, true);
  if (unsigned !== undefined) {
    return request.headers[unsigned] === undefined
      ? missingParameter(unsigned)
      : incomplete(`The header ${unsigned} must be signed.`);
  }
  if (!bodyHashMatches(request)) {
    return incomplete('x-acs-content-sha256 is not the SHA-256 of the body.');
  }
  return undefined;
}

function headerOf(request: V3Request, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/**
 * Authenticates a V3 (ACS3-HMAC-SHA256) request by the same rules as V1: key, token, clock
 * (`x-acs-date`), signature, token again, expiry, nonce.
 * @example authenticateV3(request, deps) // { ok: true, accessKeyId: 'STS.…' }
 */
export function authenticateV3(request: V3Request, deps: AuthDependencies): AuthOutcome {
  const auth = parseV3Authorization(headerOf(request, 'authorization') || undefined);
  const error =
    v3Shape(request, auth) ?? (auth ? v3KeyAndSignature(request, auth, deps) : undefined);
  if (error !== undefined || auth === undefined) {
    return { ok: false, error: error ?? incomplete('No signature.') };
  }
  if (!deps.nonces.remember(headerOf(request, 'x-acs-signature-nonce'))) {
    return { ok: false, error: gatewayError('SignatureNonceUsed') };
  }
  return { ok: true, accessKeyId: auth.accessKeyId };
}

function v3KeyAndSignature(
  request: V3Request,
  auth: V3Authorization,
  deps: AuthDependencies,
): GatewayError | undefined {
  const credential = deps.credentials.find(auth.accessKeyId);
  if (credential === undefined) return gatewayError('InvalidAccessKeyId.NotFound');
  const token = headerOf(request, 'x-acs-security-token');
  if (!token) return gatewayError('MissingSecurityToken');
  const skew = checkTimestamp(headerOf(request, 'x-acs-date'), deps.now());
  if (skew !== undefined) return skew;
  if (!signatureMatches(request, auth, credential.accessKeySecret)) {
    const canonical = canonicalRequest(request, auth.signedHeaders);
    const message = `Specified signature is not matched with our calculation. server string to sign is:${V3_ALGORITHM}\n${sha256Hex(canonical)}`;
    return gatewayError('SignatureDoesNotMatch', { message });
  }
  if (token !== credential.securityToken) {
    return gatewayError('InvalidSecurityToken.MismatchWithAccessKey');
  }
  if (deps.credentials.isExpired(credential)) return gatewayError('InvalidSecurityToken.Expired');
  return undefined;
}
