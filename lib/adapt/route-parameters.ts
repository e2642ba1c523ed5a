/**
 * The query and path parameters of the routes a push does not take, checked when the request is
 * answered: `GET /schedules`'s listing, `DELETE /schedules/{taskId}`'s task id and
 * `GET /pushes/{id}`'s push id. An unknown or malformed one is 400 naming it, so a bad page size
 * never reaches mPaaS. A module of its own so that http-push loads it with the code that answers
 * these routes, not on every push (#11).
 */
import { checkQuery, IDEMPOTENCY_KEY, type Query, queryError, quoted } from '#lib/adapt/routes.ts';
import { BadRequestError } from '#lib/shared/errors.ts';

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

/** mPaaS task ids: 32 hexadecimal digits in its docs, digits in the emulator; bounded here. */
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** `GET /schedules`: pages of at most 500, mPaaS's own default and largest page. */
export const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_NUMBER = 100_000;

function whole(
  query: Query,
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

/**
 * What `GET /schedules` asks for.
 * @throws BadRequestError 400 `InvalidQueryParameter` naming the parameter.
 * @example scheduleListing({ pageSize: '50' }) // { pageNumber: 1, pageSize: 50 }
 */
export function scheduleListing(query: Query): ScheduleListing {
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

/**
 * A route's one path parameter, percent-decoded and checked against `pattern`; the route takes no
 * query.
 * @throws BadRequestError from `refuse` (given the value, quoted) when it does not match.
 */
function pathParameter(
  route: string,
  query: Query,
  segment: string,
  pattern: RegExp,
  refuse: (shown: string) => BadRequestError,
): string {
  checkQuery(query, route, []);
  const value = decodeURIComponentSafely(segment);
  if (!pattern.test(value)) throw refuse(quoted(value));
  return value;
}

/**
 * `GET /pushes/{id}`'s push id, percent-decoded; the route takes no query.
 * @throws BadRequestError 400 `InvalidPushId` or `InvalidQueryParameter`.
 * @example pushIdOf('order-42', {}) // 'order-42'
 */
export function pushIdOf(segment: string, query: Query): string {
  return pathParameter(
    'GET /pushes/{id}',
    query,
    segment,
    IDEMPOTENCY_KEY,
    (shown) =>
      new BadRequestError(
        `The push id ${shown} is not one: a dispatch id or an Idempotency-Key (1 to 255 printable ASCII characters without spaces, percent-encoded in the path).`,
        400,
        'InvalidPushId',
      ),
  );
}

/**
 * `DELETE /schedules/{taskId}`'s task id, percent-decoded; the route takes no query.
 * @throws BadRequestError 400 `InvalidTaskId` or `InvalidQueryParameter`.
 * @example taskIdOf('1234567', {}) // '1234567'
 */
export function taskIdOf(segment: string, query: Query): string {
  return pathParameter(
    'DELETE /schedules/{taskId}',
    query,
    segment,
    TASK_ID,
    (shown) =>
      new BadRequestError(
        `The task id ${shown} is not one: 1 to 64 letters, digits, _ or -.`,
        400,
        'InvalidTaskId',
      ),
  );
}

function decodeURIComponentSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
