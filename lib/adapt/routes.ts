/**
 * The routes of the HTTP API: which path and method a request names, and a push's query checked
 * against what it takes (the other routes' by route-parameters.ts, loaded when first needed). A
 * path the API does not have is 404, a route with another method 405 (with the methods it
 * allows), an unknown or malformed query parameter 400 naming it, so a misspelt `dryrun` cannot
 * send for real.
 */
import { BadRequestError, MethodNotAllowedError } from '#lib/shared/errors.ts';

/**
 * A route: its path (`{taskId}` stands for one path segment), the methods it answers, and what it
 * reads of a request's path parameters and query.
 */
interface RouteSpec {
  path: string;
  methods: readonly string[];
  parse: (params: Record<string, string>, query: Query) => Route;
}

/** What a request asks of the API, once its path and method matched a route. */
export type Route =
  | { kind: 'push'; dryRun: boolean }
  | { kind: 'health' }
  /** `GET /openapi.json`: the document of these routes. */
  | { kind: 'openapi' }
  /**
   * The routes a push does not take carry their query and path segment as given: their checks
   * (route-parameters.ts) are loaded with the code that answers them, not by every push (#11).
   */
  | { kind: 'schedules'; query: Query }
  /** `DELETE /schedules/{taskId}`: `segment` is the task id, still percent-encoded. */
  | { kind: 'cancel-schedule'; segment: string; query: Query }
  /** `GET /pushes/{id}`: `segment` is a dispatch id or an Idempotency-Key, still percent-encoded. */
  | { kind: 'progress'; segment: string; query: Query };

/** A request's query parameters. */
export type Query = Readonly<Record<string, string>>;

/**
 * An `Idempotency-Key`: 1 to 255 printable ASCII characters without spaces, as clients usually
 * send UUIDs; also what `GET /pushes/{id}` takes.
 */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** `text` quoted as JSON, cut to 64 characters. */
export function quoted(text: string): string {
  return text.length > 64 ? `${JSON.stringify(text.slice(0, 64))}…` : JSON.stringify(text);
}

/** A 400 `InvalidQueryParameter`. */
export function queryError(message: string): BadRequestError {
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

/**
 * Refuses any query parameter `route` does not take.
 * @throws BadRequestError 400 `InvalidQueryParameter` naming it.
 */
export function checkQuery(query: Query, route: string, accepted: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!accepted.includes(name)) {
      const takes = accepted.length === 0 ? 'no query parameters' : accepted.join(', ');
      throw queryError(`Query parameter ${quoted(name)}: unknown; ${route} takes ${takes}.`);
    }
  }
}

function pushRoute(_params: Record<string, string>, query: Query): Route {
  checkQuery(query, 'POST /pushes', ['dryRun']);
  const dryRun = query.dryRun;
  if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false') {
    throw queryError(`Query parameter dryRun: must be true or false; got ${quoted(dryRun)}.`);
  }
  return { kind: 'push', dryRun: dryRun === 'true' };
}

/**
 * Every route. `POST /` is the first release's push endpoint, kept as an alias of `POST /pushes`.
 */
export const ROUTES: readonly RouteSpec[] = [
  { path: '/pushes', methods: ['POST'], parse: pushRoute },
  {
    path: '/pushes/{id}',
    methods: ['GET'],
    parse: (params, query) => ({ kind: 'progress', segment: params.id ?? '', query }),
  },
  { path: '/', methods: ['POST'], parse: pushRoute },
  {
    path: '/schedules',
    methods: ['GET'],
    parse: (_params, query) => ({ kind: 'schedules', query }),
  },
  {
    path: '/schedules/{taskId}',
    methods: ['DELETE'],
    parse: (params, query) => ({ kind: 'cancel-schedule', segment: params.taskId ?? '', query }),
  },
  { path: '/openapi.json', methods: ['GET'], parse: () => ({ kind: 'openapi' }) },
  { path: '/healthz', methods: ['GET'], parse: () => ({ kind: 'health' }) },
];

/**
 * The route of a request, its query checked.
 * @param path the request path; a trailing slash names the same route
 * @throws BadRequestError 404 `NotFound`, 405 `MethodNotAllowed` (a `MethodNotAllowedError`
 *   with the methods allowed), 400 `InvalidQueryParameter` (a push's; the other routes' queries
 *   are checked by route-parameters.ts).
 * @example routeOf('POST', '/pushes', { dryRun: 'true' }) // { kind: 'push', dryRun: true }
 */
export function routeOf(method: string, path: string, query: Query): Route {
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
