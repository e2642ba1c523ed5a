/**
 * `QueryPushSchedulerList` and `CancelPushScheduler` (2020-10-28) over the emulator's
 * `ScheduleBook` (local/emulator/schedules.ts, which cites the sources and names the assumptions).
 * Both answer HTTP 200 with a `ResultCode`, as PushTemplate does; a missing app or workspace is
 * `3003`, an unknown one `8012`, a malformed parameter `3028`.
 */
import type { EmulatorState } from './context.ts';
import { businessFailure } from './results.ts';
import type { SignedParams } from './signature.ts';

/** The actions this module answers. */
export const SCHEDULER_ACTIONS: ReadonlySet<string> = new Set([
  'QueryPushSchedulerList',
  'CancelPushScheduler',
]);

interface Reply {
  status: number;
  body: unknown;
}

function integer(text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined || text === '') return fallback;
  return /^-?\d{1,16}$/.test(text) ? Number(text) : undefined;
}

function appOf(params: SignedParams, state: EmulatorState): string | undefined {
  if (!params.AppId || !params.WorkspaceId) return '3003';
  const known = state.apps.some(
    (app) => app.appId === params.AppId && app.workspaceId === params.WorkspaceId,
  );
  return known ? undefined : '8012';
}

function ok(requestId: string, content: unknown): Reply {
  return {
    status: 200,
    body: {
      RequestId: requestId,
      ResultCode: 'OK',
      ResultMessage: 'param is valid',
      ResultContent: content,
    },
  };
}

function refused(requestId: string, code: string, message?: string): Reply {
  const { PushResult: _push, ...body } = businessFailure(requestId, code, message);
  return { status: 200, body };
}

function query(params: SignedParams, state: EmulatorState, requestId: string): Reply {
  const startTime = integer(params.StartTime);
  const endTime = integer(params.EndTime);
  const pageNumber = integer(params.PageNumber, 1);
  const pageSize = integer(params.PageSize, 500);
  const type = integer(params.Type);
  if (
    startTime === undefined ||
    endTime === undefined ||
    pageNumber === undefined ||
    pageNumber < 1 ||
    pageSize === undefined ||
    pageSize < 1 ||
    pageSize > 500 ||
    (params.Type !== undefined && type === undefined)
  ) {
    return refused(requestId, '3028');
  }
  const page = state.schedules.query({
    appId: params.AppId ?? '',
    workspaceId: params.WorkspaceId ?? '',
    startTime,
    endTime,
    pageNumber,
    pageSize,
    ...(type === undefined ? {} : { type }),
    ...(params.UniqueId ? { uniqueId: params.UniqueId } : {}),
  });
  const now = state.now().getTime();
  return ok(requestId, {
    Data: {
      TotalCount: page.totalCount,
      List: page.list.map((task) => ({
        UniqueId: task.uniqueId,
        ParentId: task.parentId,
        PushTime: task.pushTime,
        PushTitle: task.pushTitle,
        PushContent: task.pushContent,
        Type: task.type,
        DeliveryType: task.deliveryType,
        StrategyType: task.strategyType,
        ExecutedStatus: task.pushTime <= now ? '1' : '0',
        GmtCreate: task.gmtCreate,
        CreateType: 0,
      })),
    },
  });
}

function cancel(params: SignedParams, state: EmulatorState, requestId: string): Reply {
  const ids = (params.UniqueIds ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0) return refused(requestId, '3028');
  const now = state.now().getTime();
  const unknown = state.schedules.cancel(params.AppId ?? '', params.WorkspaceId ?? '', ids, now);
  if (unknown.length > 0) {
    return refused(requestId, '3028', `no scheduled task to cancel: ${unknown.join(',')}`);
  }
  return ok(requestId, 'success');
}

/**
 * Answers one scheduler action of an authenticated call.
 * @example schedulerAction({ Action: 'CancelPushScheduler', … }, state, 'R1').body.ResultCode // "OK"
 */
export function schedulerAction(
  params: SignedParams,
  state: EmulatorState,
  requestId: string,
): Reply {
  const app = appOf(params, state);
  if (app !== undefined) return refused(requestId, app);
  return params.Action === 'CancelPushScheduler'
    ? cancel(params, state, requestId)
    : query(params, state, requestId);
}
