/**
 * The scheduled and loop pushes mPaaS holds: `QueryPushSchedulerList` and `CancelPushScheduler`
 * (API 2020-10-28), through the same client, role credentials, deadline and error classification
 * as PushTemplate.
 *
 * Sources: the mPaaS "Scheduled push tasks" page
 * (https://www.alibabacloud.com/help/en/mobile-platform-as-a-service/latest/timing-push-task) and
 * the official TypeScript SDK's models (github.com/aliyun/alibabacloud-typescript-sdk,
 * `mpaas-20201028/src/models/QueryPushSchedulerList*.ts`, `CancelPushSchedulerRequest.ts`).
 * A task is one firing: a scheduled push has one, whose id is the push's `taskId`; a loop push
 * has one per firing, each with its own id and the push's `taskId` as `parentId`. The list
 * filters on the firing time; `ResultContent` is read as an object or as JSON text (the docs
 * call it a JSON string, the SDK models an object), and every field of a task may be missing.
 */
import type { ScheduleListing } from '#lib/adapt/route-parameters.ts';
import type { CallContext, MpaasClient } from '#lib/send/mpaas/client.ts';
import { resultFromBody } from '#lib/send/mpaas/outcome.ts';

/** The app and workspace the calls are for: the function's own. */
export interface MpaasApp {
  appId: string;
  workspaceId: string;
}

/**
 * What `GET /schedules` asks mPaaS for: the route's listing (lib/adapt/routes.ts) with its time
 * window decided (the handler defaults the ends the caller left out).
 */
export type ScheduleQuery = ScheduleListing & { startTime: number; endTime: number };

/** One firing of a scheduled or loop push. */
export interface ScheduledTask {
  taskId: string;
  /** The id of the push that created it (its own for a scheduled push). */
  parentId?: string;
  /** When it fires, as ISO 8601 (epoch ms from mPaaS). */
  pushTime?: string;
  title?: string;
  content?: string;
  type?: number;
  deliveryType?: number;
  /** 1 scheduled, 2 loop. */
  strategyType?: number;
  /** True once it fired. */
  executed: boolean;
  createdAt?: string;
}

/** One page of tasks. */
export interface SchedulePage {
  totalCount: number;
  tasks: ScheduledTask[];
  mpaasRequestId: string;
}

/** The API version both actions exist in, whatever `MPAAS_API_VERSION` PushTemplate uses. */
export const SCHEDULES_API_VERSION = '2020-10-28';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

function numeric(value: unknown): number | undefined {
  const parsed = typeof value === 'string' && value !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** Epoch ms as ISO 8601; undefined beyond the dates JavaScript can hold (±8.64e15 ms). */
function instant(value: unknown): string | undefined {
  const ms = numeric(value);
  return ms === undefined || Math.abs(ms) > 8.64e15 ? undefined : new Date(ms).toISOString();
}

/** Only the fields that were sent, so an answer never shows `undefined`. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function taskOf(item: Record<string, unknown>): ScheduledTask {
  return defined({
    taskId: text(item.UniqueId) ?? '',
    parentId: text(item.ParentId),
    pushTime: instant(item.PushTime),
    title: text(item.PushTitle),
    content: text(item.PushContent),
    type: numeric(item.Type),
    deliveryType: numeric(item.DeliveryType),
    strategyType: numeric(item.StrategyType),
    executed: String(item.ExecutedStatus) === '1',
    createdAt: instant(item.GmtCreate),
  });
}

/**
 * One page of the tasks that fire between `query.startTime` and `query.endTime`.
 * @throws MpaasBusinessError | MpaasGatewayError | MpaasTransportError, as PushTemplate does
 * @example await listSchedules(client, app, { startTime, endTime, pageNumber: 1, pageSize: 50 }, call)
 */
export async function listSchedules(
  client: Pick<MpaasClient, 'call'>,
  app: MpaasApp,
  query: ScheduleQuery,
  call: CallContext,
): Promise<SchedulePage> {
  const params: Record<string, string> = {
    AppId: app.appId,
    WorkspaceId: app.workspaceId,
    StartTime: String(query.startTime),
    EndTime: String(query.endTime),
    PageNumber: String(query.pageNumber),
    PageSize: String(query.pageSize),
  };
  if (query.type !== undefined) params.Type = String(query.type);
  if (query.taskId !== undefined) params.UniqueId = query.taskId;
  const { body, httpStatus } = await client.call(
    'QueryPushSchedulerList',
    params,
    call,
    SCHEDULES_API_VERSION,
  );
  const { requestId, content } = resultFromBody(body, httpStatus, 'QueryPushSchedulerList');
  const data = isRecord(content) && isRecord(content.Data) ? content.Data : {};
  const list = Array.isArray(data.List) ? data.List.filter(isRecord) : [];
  const tasks = list.map(taskOf);
  return { totalCount: numeric(data.TotalCount) ?? tasks.length, tasks, mpaasRequestId: requestId };
}

/**
 * Cancels a task (a loop push's id cancels every firing not yet executed).
 * @returns the mPaaS RequestId
 * @throws MpaasBusinessError | MpaasGatewayError | MpaasTransportError, as PushTemplate does
 * @example await cancelSchedule(client, app, 'a1b2…', call)
 */
export async function cancelSchedule(
  client: Pick<MpaasClient, 'call'>,
  app: MpaasApp,
  taskId: string,
  call: CallContext,
): Promise<string> {
  const params = { AppId: app.appId, WorkspaceId: app.workspaceId, UniqueIds: taskId };
  const { body, httpStatus } = await client.call(
    'CancelPushScheduler',
    params,
    call,
    SCHEDULES_API_VERSION,
  );
  return resultFromBody(body, httpStatus, 'CancelPushScheduler').requestId;
}
