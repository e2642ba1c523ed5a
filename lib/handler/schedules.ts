/**
 * `GET /schedules` and `DELETE /schedules/{taskId}`: the scheduled and loop pushes mPaaS holds
 * for the function's app, listed and cancelled with the role's credentials
 * (lib/send/mpaas/schedules.ts).
 *
 * - A listing without times covers the firings from now to 181 days ahead: every loop or
 *   scheduled push this function accepts fires within 180 days.
 * - A cancel first looks the task up (its firings over the same horizon and the past year), so
 *   that an unknown id is a 404 and one that already fired a 409, whatever code mPaaS's cancel
 *   would answer for them (no source names one); then cancels it.
 */
import type { ScheduleListing } from '#lib/adapt/route-parameters.ts';
import type { Invocation, InvocationContext } from '#lib/handler/invocation.ts';
import { callContext, mpaasApp, mpaasClient } from '#lib/handler/scope.ts';
import { type FcHttpResponse, jsonResponse } from '#lib/report/http-answer.ts';
import { cancelSchedule, listSchedules } from '#lib/send/mpaas/schedules.ts';
import { BadRequestError } from '#lib/shared/errors.ts';

const DAY_MS = 86_400_000;
/** Every schedule this function accepts fires within 180 days of its request (lib/validate). */
export const HORIZON_MS = 181 * DAY_MS;
/** How far back a cancel looks for a task that fired already. */
const LOOKBACK_MS = 366 * DAY_MS;

/**
 * One page of scheduled firings.
 * @example await schedulesAnswer(listing, state, context, headers)
 */
export async function schedulesAnswer(
  listing: ScheduleListing,
  state: Invocation,
  context: InvocationContext,
  headers: Record<string, string>,
): Promise<FcHttpResponse> {
  const now = Date.now();
  const startTime = listing.startTime ?? now;
  const endTime = listing.endTime ?? Math.max(startTime, now) + HORIZON_MS;
  if (endTime < startTime) {
    throw new BadRequestError(
      `Query parameter endTime: must not be before startTime (${new Date(startTime).toISOString()}).`,
      400,
      'InvalidQueryParameter',
    );
  }
  const page = await listSchedules(
    mpaasClient(state),
    mpaasApp(state),
    { ...listing, startTime, endTime },
    callContext(state, context),
  );
  return jsonResponse(
    200,
    {
      requestId: context.requestId,
      startTime: new Date(startTime).toISOString(),
      endTime: new Date(endTime).toISOString(),
      pageNumber: listing.pageNumber,
      pageSize: listing.pageSize,
      totalCount: page.totalCount,
      tasks: page.tasks,
      mpaasRequestId: page.mpaasRequestId,
    },
    headers,
  );
}

/**
 * Cancels one task, or answers why not.
 * @throws BadRequestError 404 `TaskNotFound`, 409 `TaskAlreadyExecuted`
 * @example await cancelAnswer('a1b2…', state, context, headers)
 */
export async function cancelAnswer(
  taskId: string,
  state: Invocation,
  context: InvocationContext,
  headers: Record<string, string>,
): Promise<FcHttpResponse> {
  const client = mpaasClient(state);
  const app = mpaasApp(state);
  const call = callContext(state, context);
  const now = Date.now();
  const found = await listSchedules(
    client,
    app,
    {
      startTime: now - LOOKBACK_MS,
      endTime: now + HORIZON_MS,
      taskId,
      pageNumber: 1,
      pageSize: 500,
    },
    call,
  );
  const tasks = found.tasks.filter((task) => task.taskId === taskId || task.parentId === taskId);
  if (tasks.length === 0) {
    throw new BadRequestError(
      `There is no scheduled or loop push ${taskId} for this app to cancel.`,
      404,
      'TaskNotFound',
    );
  }
  const pending = tasks.filter((task) => !task.executed);
  if (pending.length === 0) {
    throw new BadRequestError(
      `The push ${taskId} has fired already; there is nothing left to cancel.`,
      409,
      'TaskAlreadyExecuted',
    );
  }
  const mpaasRequestId = await cancelSchedule(client, app, taskId, call);
  return jsonResponse(
    200,
    { requestId: context.requestId, taskId, cancelled: pending.length, mpaasRequestId },
    headers,
  );
}
