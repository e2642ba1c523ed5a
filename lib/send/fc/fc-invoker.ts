/**
 * Asynchronous invocation of another FC 3.0 function, signed with the caller's role credentials.
 *
 * It uses `@alicloud/fc2` 2.6.6, the client FC's Node.js runtimes preinstall, with its version
 * switched to `2023-03-30`: fc2 signs with FC's own scheme (`Authorization: FC <id>:<signature>`)
 * and has no notion of FC 3.0's service-less paths, so the call goes through its generic `post`
 * (reference fc-platform.md §7). The fc3 deploy component does the same for
 * `/functions/<fn>/instances/<id>/exec`; that the data plane accepts FC-signed requests on
 * `/functions/<fn>/invocations` too is **unconfirmed**. If it does not, `@alicloud/fc20230330`
 * (ACS3-HMAC-SHA256) is the fallback, behind this same function.
 *
 * A fresh client per call: the credentials change with every invocation of the caller. Never set
 * `DEBUG=lambda`: fc2 then logs every request header, security token and signature included.
 */
// lib/client.js, not the package root: the root picks lib/ or es5/ at run time, and esbuild would
// bundle both (es5/ pulls in babel-runtime and core-js).
import Fc2Client from '@alicloud/fc2/lib/client.js';
import { DispatchError, toDispatchError } from '#lib/send/fc/invoke-errors.ts';

/** Where the function to invoke lives. */
export interface InvokeTarget {
  accountId: string;
  region: string;
  /** Default `https://<accountId>.<region>-internal.fc.aliyuncs.com`: the caller runs in FC. */
  endpoint?: string;
}

/** The caller's role credentials (FC's `context.credentials`). */
export interface RoleCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
}

export interface InvokeOptions {
  /** Connect and read timeout of the call. Default 10000 ms (an async invoke answers at once). */
  timeoutMs?: number;
  /** Version or alias (`?qualifier=`). Default: FC's `LATEST`. */
  qualifier?: string;
  /**
   * The async task id (`x-fc-async-task-id`): FC refuses a second task with the same id (HTTP
   * 409), so a retried hand-over can never queue the same event twice (help.aliyun.com/zh/fc/
   * task-deduplication). Letters, digits, `_` and `-`, starting with a letter or `_`, ≤ 128.
   */
  taskId?: string;
}

/** FC accepted the event; it runs later, with FC's async retry policy. */
export interface InvokeReceipt {
  /** `x-fc-request-id` of the accepted invocation ('' if FC sent none). */
  requestId: string;
  /** True when FC already had a task with this `taskId`: an earlier hand-over got through. */
  duplicate?: boolean;
}

/** What FC takes as an async task id. */
const TASK_ID = /^[A-Za-z_][\w-]{0,127}$/;

interface Fc2Config {
  accessKeyID: string;
  accessKeySecret: string;
  securityToken: string;
  region: string;
  endpoint: string;
  timeout: number;
}
interface Fc2Response {
  headers: Record<string, string | string[] | undefined>;
}
interface Fc2 {
  /** The API version in every URL and signed path; fc2 defaults to FC 2.0's `2016-08-15`. */
  version: string;
  post(
    path: string,
    body: string | Buffer,
    headers: Record<string, string>,
    queries: Record<string, string> | null,
  ): Promise<Fc2Response>;
}
// fc2 ships no types (lib/send/fc/fc2.d.ts declares it `unknown`); this is the slice used here,
// as npm @alicloud/fc2@2.6.6 lib/client.js defines it.
const Fc2Constructor = Fc2Client as unknown as new (accountId: string, config: Fc2Config) => Fc2;

const DEFAULT_TIMEOUT_MS = 10_000;
/** FC 3.0 function names; checked here so no name can change the signed path. */
const FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]{0,127}$/;

/**
 * Hands `payload` to `functionName` as an asynchronous invocation (`x-fc-invocation-type: Async`)
 * and returns once FC has accepted it.
 * @throws DispatchError: `retryable` for 429, 5xx, timeouts and socket errors; not for other 4xx
 *   (EntityTooLarge over 128 KB, FunctionNotFound, a refused signature) or a bad function name.
 * @example
 * const { requestId } = await invokeAsync('push-worker', JSON.stringify(batch), credentials, {
 *   accountId: '1234567890123456',
 *   region: 'cn-hangzhou',
 * });
 */
export async function invokeAsync(
  functionName: string,
  payload: string | Buffer,
  credentials: RoleCredentials,
  target: InvokeTarget,
  options: InvokeOptions = {},
): Promise<InvokeReceipt> {
  if (!FUNCTION_NAME.test(functionName)) {
    throw new DispatchError(
      `Async invocation refused: ${JSON.stringify(functionName)} is not a function name`,
      {
        code: 'InvalidArgument',
        failure: 'refused-locally',
        retryable: false,
      },
    );
  }
  if (options.taskId !== undefined && !TASK_ID.test(options.taskId)) {
    throw new DispatchError(
      `Async invocation refused: ${JSON.stringify(options.taskId)} is not a task id`,
      {
        code: 'InvalidArgument',
        failure: 'refused-locally',
        retryable: false,
      },
    );
  }
  const secrets = [credentials.accessKeySecret, credentials.securityToken];
  const headers: Record<string, string> = { 'x-fc-invocation-type': 'Async' };
  if (options.taskId !== undefined) headers['x-fc-async-task-id'] = options.taskId;
  try {
    const client = new Fc2Constructor(target.accountId, {
      accessKeyID: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      securityToken: credentials.securityToken,
      region: target.region,
      endpoint: target.endpoint ?? internalEndpoint(target),
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    client.version = '2023-03-30';
    // fc2 sends a string or Buffer body as application/octet-stream, the payload's bytes as is.
    const response = await client.post(
      `/functions/${functionName}/invocations`,
      payload,
      headers,
      options.qualifier ? { qualifier: options.qualifier } : null,
    );
    return { requestId: firstHeader(response.headers['x-fc-request-id']) };
  } catch (thrown) {
    const error = toDispatchError(thrown, functionName, secrets);
    // 409 to a task id: FC has that task already, from a hand-over whose answer was lost.
    if (options.taskId !== undefined && error.httpStatus === 409) {
      return { requestId: error.requestId ?? '', duplicate: true };
    }
    throw error;
  }
}

/**
 * FC's VPC-internal endpoint for the target's account and region.
 * @example internalEndpoint({ accountId: '123', region: 'cn-hangzhou' }) // 'https://123.cn-hangzhou-internal.fc.aliyuncs.com'
 */
export function internalEndpoint(target: Pick<InvokeTarget, 'accountId' | 'region'>): string {
  return `https://${target.accountId}.${target.region}-internal.fc.aliyuncs.com`;
}

function firstHeader(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
