/**
 * A bare RPC client for emulator tests: it signs with its own few lines of node:crypto and sends
 * with `fetch`, so tests can build requests pop-core would never send (tampered, unsigned,
 * replayed, skewed) and read the raw status and body.
 *
 * The signer here is written from reference mpaas-openapi.md §1.3 and shares no code with the
 * emulator's verifier, so a test that passes is evidence that two independent readings of the
 * algorithm agree.
 */
import { createHmac, randomUUID } from 'node:crypto';

/** STS credentials as `POST /_sts` answers them. */
export interface TestCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: string;
}

/** A raw answer: status, content type, text, and the parsed JSON when the text is JSON. */
export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
  json: Record<string, unknown>;
}

const enc = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** A UTC timestamp without milliseconds, as the gateway wants it. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The StringToSign of `params` (Signature excluded) for `method`. */
export function testStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${enc(k)}=${enc(params[k] ?? '')}`)
    .join('&');
  return `${method}&${enc('/')}&${enc(canonical)}`;
}

/** `params` plus their `Signature`. */
export function signed(
  method: string,
  params: Record<string, string>,
  secret: string,
): Record<string, string> {
  const signature = createHmac('sha1', `${secret}&`)
    .update(testStringToSign(method, params), 'utf8')
    .digest('base64');
  return { ...params, Signature: signature };
}

/**
 * Unsigned PushTemplate parameters that the emulator accepts once signed. An override of
 * `undefined` removes that parameter.
 */
export function pushParams(
  creds: TestCredentials,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const params: Record<string, string | undefined> = {
    Action: 'PushTemplate',
    Version: '2019-08-21',
    Format: 'JSON',
    AccessKeyId: creds.accessKeyId,
    SecurityToken: creds.securityToken,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: timestamp(),
    AppId: 'ONEX570DA89211721',
    WorkspaceId: 'default',
    DeliveryType: '3',
    TargetMsgkey: JSON.stringify({ user1024: 'msg-0001' }),
    ExpiredSeconds: '300',
    TemplateName: 'Test template',
    TaskName: 'emulator test',
    TemplateKeyValue: JSON.stringify({ name: 'Ana', money: '200' }),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCredentials(value: unknown): value is TestCredentials {
  if (!isRecord(value)) return false;
  const fields = ['accessKeyId', 'accessKeySecret', 'securityToken', 'expiration'];
  return fields.every((field) => typeof value[field] === 'string');
}

async function toAnswer(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed)) json = parsed;
  } catch {
    // Not JSON (an HTML page, an empty 204): leave json empty and let the test read text.
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json,
  };
}

/** POSTs `params` as a form body to the RPC endpoint. */
export async function postForm(
  baseUrl: string,
  params: Record<string, string>,
): Promise<RawAnswer> {
  const response = await fetch(`${baseUrl}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return toAnswer(response);
}

/** Sends `params` in the query string of a GET. */
export async function getQuery(
  baseUrl: string,
  params: Record<string, string>,
): Promise<RawAnswer> {
  return toAnswer(await fetch(`${baseUrl}/?${new URLSearchParams(params).toString()}`));
}

/** Signs a valid PushTemplate (with `overrides`) and POSTs it. */
export async function signedPush(
  baseUrl: string,
  creds: TestCredentials,
  overrides: Record<string, string | undefined> = {},
): Promise<RawAnswer> {
  return postForm(baseUrl, signed('POST', pushParams(creds, overrides), creds.accessKeySecret));
}

/** Any request to an emulator control route, answered raw. */
export async function control(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<RawAnswer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  return toAnswer(await fetch(`${baseUrl}${path}`, init));
}

/** Mints credentials over `POST /_sts`. */
export async function mintOverHttp(
  baseUrl: string,
  durationSeconds?: number,
): Promise<TestCredentials> {
  const answer = await control(
    baseUrl,
    'POST',
    '/_sts',
    durationSeconds === undefined ? undefined : { durationSeconds },
  );
  if (answer.status !== 200 || !isCredentials(answer.json)) {
    throw new Error(`POST /_sts answered ${answer.status}: ${answer.text}`);
  }
  return answer.json;
}
