/**
 * Builders for what FC hands a handler: the event bytes (from the published samples in
 * test/fixtures/events) and an FC-shaped context, plus a log sink that captures lines.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/events');

/** A published sample event, parsed. */
export function fixture<T = Record<string, unknown>>(relative: string): NoInfer<T> {
  return JSON.parse(readFileSync(path.join(fixtures, relative), 'utf8')) as T;
}

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

/** The context FC passes, with the given role credentials. */
export function fcContext(
  credentials?: Credentials,
  timeoutSeconds = 30,
  requestId = `req-${Math.random().toString(36).slice(2)}`,
) {
  return {
    requestId,
    ...(credentials ? { credentials } : {}),
    function: { name: 'http-push', handler: 'index.handler', memory: 256, timeout: timeoutSeconds },
    service: { logProject: 'p', logStore: 's', qualifier: 'LATEST', versionId: '1' },
    region: 'cn-hangzhou',
    accountId: '1234567890123456',
  };
}

/** The documented HTTP trigger sample with this request's method, headers and body. */
export function httpEvent(options: {
  method?: string;
  /** The request path (`rawPath` and `requestContext.http.path`); `/pushes` by default (the
   * sample's own `/example` is no route of the API). */
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  /** `queryParameters`; none by default (the sample's own are no parameters of the API). */
  query?: Record<string, string>;
  base64?: boolean;
}): Buffer {
  const event = fixture<
    Record<string, unknown> & { requestContext: { http: Record<string, unknown> } }
  >('http/doc-sample.json');
  const body = options.body ?? '';
  event.body = options.base64 ? Buffer.from(body).toString('base64') : body;
  event.isBase64Encoded = options.base64 === true;
  event.headers = options.headers ?? { 'Content-Type': 'application/json' };
  event.requestContext.http.method = options.method ?? 'POST';
  event.queryParameters = options.query ?? {};
  event.rawPath = options.path ?? '/pushes';
  event.requestContext.http.path = options.path ?? '/pushes';
  return Buffer.from(JSON.stringify(event));
}

/** A JSON push-request body as an HTTP event. */
export function jsonPushEvent(body: unknown, headers: Record<string, string> = {}): Buffer {
  return httpEvent({
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** Captures log lines, parsed. */
export function captureLogs() {
  const lines: string[] = [];
  return {
    sink: (line: string) => {
      lines.push(line);
    },
    lines,
    entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The docs' template push example, as a request body. */
export function docsExample(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    taskName: 'template test',
    deliveryType: 3,
    targetMsgkey: { user1024: '1578807462788' },
    expiredSeconds: 300,
    templateName: 'template1024',
    templateKeyValue: { name: 'Alice', money: '200' },
    ...overrides,
  };
}

/**
 * Swallows what the functions write to stdout (their JSON log lines) into `lines`, for the
 * current test or hook; `vi.restoreAllMocks()` ends it.
 */
export function captureStdout(lines: string[]): void {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
}
