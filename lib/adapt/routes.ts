/**
 * The routes of the HTTP API: which path and method a request names, and its query checked
 * against what that route takes. A path the API does not have is 404, a route with another
 * method 405 (with the methods it allows), an unknown or malformed query parameter 400 naming
 * it, so a misspelt `dryrun` cannot send for real and a bad page size never reaches mPaaS.
 */
import { BadRequestError, MethodNotAllowedError } from '#lib/shared/errors.ts';

/**
 * A route: its path (`{taskId}` stands for one path segment), the methods it answers, and what it
 * reads of a request's path parameters and query.
 */
interface RouteSpec {
  path: string;
  methods: readonly string[];
  parse: (params: Record<string, string>, query: Readonly<Record<string, string>>) => Route;
}

/** What `GET /schedules` asks for; absent times are the handler's to default. */
export interface ScheduleListing {
  /** Firings from this instant on, epoch ms. */
  startTime?: number;
  /** Firings up to this instant, epoch ms. */
  endTime?: number;
  /** 0 simple, 1 template, 2 multiple, 3 broadcast push; all when absent. */
  type?: number;
  /** A task id: a loop push's id lists its firings. */
  taskId?: string;
  pageNumber: number;
  pageSize: number;
}

/** What a request asks of the API, once its path and method matched a route. */
export type Route =
  | { kind: 'push'; dryRun: boolean }
  | { kind: 'health' }
  /** `GET /openapi.json`: the document of these routes. */
  | { kind: 'openapi' }
  | { kind: 'schedules'; listing: ScheduleListing }
  | { kind: 'cancel-schedule'; taskId: string }
  /** `GET /pushes/{id}`: a dispatch id or an Idempotency-Key, percent-decoded. */
  | { kind: 'progress'; id: string };

/**
 * An `Idempotency-Key`: 1 to 255 printable ASCII characters without spaces, as clients usually
 * send UUIDs; also what `GET /pushes/{id}` takes.
 */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** mPaaS task ids: 32 hexadecimal digits in its docs, digits in the emulator; bounded here. */
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** `GET /schedules`: pages of at most 500, mPaaS's own default and largest page. */
export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_NUMBER = 100_000;

function quoted(text: string): string {
  return text.length > 64 ? `${JSON.stringify(text.slice(0, 64))}…` : JSON.stringify(text);
}

function queryError(message: string): BadRequestError {
  return new BadRequestError(message, 400, 'InvalidQueryParameter');
}

/** The path's segments matched against a route's, `{taskId}` taking one segment. */
function matches(spec: RouteSpec, segments: readonly string[]): Record<string, string> | undefined {
  const parts = spec.path.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith('{')) params[part.slice(1, -1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

function checkQuery(
  query: Readonly<Record<string, string>>,
  route: string,
  accepted: readonly string[],
): void {
  for (const name of Object.keys(query)) {
    if (!accepted.includes(name)) {
      const takes = accepted.length === 0 ? 'no query parameters' : accepted.join(', ');
      throw queryError(`Query parameter ${quoted(name)}: unknown; ${route} takes ${takes}.`);
    }
  }
}

function whole(
  query: Readonly<Record<string, string>>,
  name: string,
  range: { min: number; max: number },
): number | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const number = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= range.min && number <= range.max)) {
    throw queryError(
      `Query parameter ${name}: must be a whole number from ${range.min} to ${range.max}; got ${quoted(value)}.`,
    );
  }
  return number;
}

function listing(query: Readonly<Record<string, string>>): ScheduleListing {
  checkQuery(query, 'GET /schedules', [
    'startTime',
    'endTime',
    'type',
    'taskId',
    'pageNumber',
    'pageSize',
  ]);
  // epoch ms up to 2100-01-01: far past any schedule, and a window end JavaScript can still date
  const instant = { min: 0, max: 4_102_444_800_000 };
  const startTime = whole(query, 'startTime', instant);
  const endTime = whole(query, 'endTime', instant);
  if (startTime !== undefined && endTime !== undefined && endTime < startTime) {
    throw queryError('Query parameter endTime: must not be before startTime.');
  }
  const type = whole(query, 'type', { min: 0, max: 3 });
  const taskId = query.taskId;
  if (taskId !== undefined && !TASK_ID.test(taskId)) {
    throw queryError(
      `Query parameter taskId: must be 1 to 64 letters, digits, _ or -; got ${quoted(taskId)}.`,
    );
  }
  return {
    ...(startTime === undefined ? {} : { startTime }),
    ...(endTime === undefined ? {} : { endTime }),
    ...(type === undefined ? {} : { type }),
    ...(taskId === undefined ? {} : { taskId }),
    pageNumber: whole(query, 'pageNumber', { min: 1, max: MAX_PAGE_NUMBER }) ?? 1,
    pageSize: whole(query, 'pageSize', { min: 1, max: MAX_PAGE_SIZE }) ?? DEFAULT_PAGE_SIZE,
  };
}

function pushRoute(
  _params: Record<string, string>,
  query: Readonly<Record<string, string>>,
): Route {
  checkQuery(query, 'POST /pushes', ['dryRun']);
  const dryRun = query.dryRun;
  if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
    throw queryError(`Query parameter dryRun: must be true or false; got ${quoted(dryRun)}.`);
  }
  return { kind: 'push', dryRun: dryRun === 'true' };
}

/**
 * A route's one path parameter, percent-decoded and checked against `pattern`; the route takes no
 * query.
 * @throws BadRequestError from `refuse` (given the value, quoted) when it does not match.
 */
function pathParameter(
  route: string,
  query: Readonly<Record<string, string>>,
  segment: string | undefined,
  pattern: RegExp,
  refuse: (shown: string) => BadRequestError,
): string {
  checkQuery(query, route, []);
  const value = decodeURIComponentSafely(segment ?? '');
  if (!pattern.test(value)) throw refuse(quoted(value));
  return value;
}

function progressRoute(
  params: Record<string, string>,
  query: Readonly<Record<string, string>>,
): Route {
  const id = pathParameter(
    'GET /pushes/{id}',
    query,
    params.id,
    IDEMPOTENCY_KEY,
    (shown) =>
      new BadRequestError(
        `The push id ${shown} is not one: a dispatch id or an Idempotency-Key (1 to 255 printable ASCII characters without spaces, percent-encoded in the path).`,
        400,
        'InvalidPushId',
      ),
  );
  return { kind: 'progress', id };
}

function cancelRoute(
  params: Record<string, string>,
  query: Readonly<Record<string, string>>,
): Route {
  const taskId = pathParameter(
    'DELETE /schedules/{taskId}',
    query,
    params.taskId,
    TASK_ID,
    (shown) =>
      new BadRequestError(
        `The task id ${shown} is not one: 1 to 64 letters, digits, _ or -.`,
        400,
        'InvalidTaskId',
      ),
  );
  return { kind: 'cancel-schedule', taskId };
}

/**
 * Every route. `POST /` is the first release's push endpoint, kept as an alias of `POST /pushes`.
 */
export const ROUTES: readonly RouteSpec[] = [
  { path: '/pushes', methods: ['POST'], parse: pushRoute },
  { path: '/pushes/{id}', methods: ['GET'], parse: progressRoute },
  { path: '/', methods: ['POST'], parse: pushRoute },
  {
    path: '/schedules',
    methods: ['GET'],
    parse: (_params, query) => ({ kind: 'schedules', listing: listing(query) }),
  },
  { path: '/schedules/{taskId}', methods: ['DELETE'], parse: cancelRoute },
  { path: '/openapi.json', methods: ['GET'], parse: () => ({ kind: 'openapi' }) },
  { path: '/healthz', methods: ['GET'], parse: () => ({ kind: 'health' }) },
];

/**
 * The route of a request, its query checked.
 * @param path the request path; a trailing slash names the same route
 * @throws BadRequestError 404 `NotFound`, 405 `MethodNotAllowed` (a `MethodNotAllowedError`
 *   with the methods allowed), 400 `InvalidQueryParameter` or `InvalidTaskId`.
 * @example routeOf('POST', '/pushes', { dryRun: 'true' }) // { kind: 'push', dryRun: true }
 */
export function routeOf(
  method: string,
  path: string,
  query: Readonly<Record<string, string>>,
): Route {
  const verb = method.toUpperCase();
  const segments = path.split('/').filter(Boolean);
  for (const spec of ROUTES) {
    const params = matches(spec, segments);
    if (params === undefined) continue;
    if (!spec.methods.includes(verb)) {
      throw new MethodNotAllowedError(
        `Method ${verb.slice(0, 16)} is not allowed on ${spec.path}: use ${spec.methods.join(' or ')}.`,
        spec.methods,
      );
    }
    return spec.parse(params, query);
  }
  const known = ROUTES.map((r) => `${r.methods.join('/')} ${r.path}`).join(', ');
  throw new BadRequestError(
    `There is no ${quoted(path)} here: the API answers ${known}.`,
    404,
    'NotFound',
  );
}

function decodeURIComponentSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
