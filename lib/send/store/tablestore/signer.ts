/**
 * The `x-ots-*` headers of one Tablestore request and their HMAC-SHA1 signature, as the SDK's
 * `lib/signer.js` and `lib/client.js` (tablestore@5.6.5) compute them:
 *
 *     stringToSign = path + '\n' + 'POST' + '\n' + '\n' + sorted('name:value').join('\n') + '\n'
 *     x-ots-signature = base64(HMAC-SHA1(accessKeySecret, stringToSign))
 *
 * over every `x-ots-` header but the signature itself. STS credentials add `x-ots-ststoken`,
 * which is signed too. The secret never leaves this module; the headers carry only its HMAC.
 */
import { createHash, createHmac } from 'node:crypto';

/** The API version every request declares. */
export const OTS_API_VERSION = '2015-12-31';

/** Temporary (STS) or long-term credentials; an empty token means a long-term AccessKey. */
export interface OtsCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/** What one signed request is made of. */
export interface SignInput {
  /** The operation, e.g. `PutRow`; the request path is `/<operation>`. */
  operation: string;
  instance: string;
  body: Uint8Array;
  credentials: OtsCredentials;
  /** The signing time; `x-ots-date` is its ISO 8601 form with milliseconds, UTC. */
  date: Date;
}

/**
 * The string the signature covers: path, method, an empty line, then the sorted headers.
 * @example stringToSign('/GetRow', { 'x-ots-date': '…' }) // '/GetRow\nPOST\n\nx-ots-date:…\n'
 */
export function stringToSign(path: string, headers: Readonly<Record<string, string>>): string {
  const canonical = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => name.startsWith('x-ots-') && name !== 'x-ots-signature')
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}:${value}`)
    .join('\n');
  return `${path}\nPOST\n\n${canonical}\n`;
}

/**
 * Every `x-ots-*` header of the request, `x-ots-signature` included.
 * @example signedHeaders({ operation: 'GetRow', instance: 'inst', body, credentials, date: new Date() })
 */
export function signedHeaders(input: SignInput): Record<string, string> {
  const { credentials } = input;
  const headers: Record<string, string> = {
    'x-ots-date': input.date.toISOString(),
    'x-ots-apiversion': OTS_API_VERSION,
    'x-ots-accesskeyid': credentials.accessKeyId,
    'x-ots-instancename': input.instance,
    'x-ots-contentmd5': createHash('md5').update(input.body).digest('base64'),
  };
  if (credentials.securityToken !== '') headers['x-ots-ststoken'] = credentials.securityToken;
  headers['x-ots-signature'] = createHmac('sha1', credentials.accessKeySecret)
    .update(stringToSign(`/${input.operation}`, headers))
    .digest('base64');
  return headers;
}
