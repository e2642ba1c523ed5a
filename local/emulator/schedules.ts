/**
 * The scheduled and loop pushes the emulator accepted, as mPaaS keeps them: one task per firing,
 * listed by `QueryPushSchedulerList` and cancelled by `CancelPushScheduler` (2020-10-28).
 *
 * Source for the shapes: the mPaaS "Scheduled push tasks" page
 * (https://www.alibabacloud.com/help/en/mobile-platform-as-a-service/latest/timing-push-task) and
 * the official TypeScript SDK's models (github.com/aliyun/alibabacloud-typescript-sdk,
 * `mpaas-20201028/src/models/QueryPushSchedulerListResponseBody.ts`, `CancelPushSchedulerRequest.ts`):
 * a task has a `uniqueId` and the `parentId` of the push that created it (a scheduled push's
 * own id; a loop push's id, whose firings are its subtasks), its `pushTime`, title and content,
 * `type` (1: template push), `deliveryType`, `strategyType` (1 scheduled, 2 loop) and
 * `executedStatus` ("0" not yet, "1" done; a string in the SDK's model). The list filters on
 * `pushTime` between `startTime` and `endTime`, on `type`, and on `uniqueId` (a parent id gives
 * all its subtasks); pages default to 1 and 500.
 *
 * Assumptions, since no source says: loop firings are computed in China Standard Time (UTC+8,
 * mPaaS's own zone, no daylight saving), weekly `circleValue` days are 1 (Monday) to 7 (Sunday);
 * a cancelled task is no longer listed and never fires; the emulator refuses an unknown id or one
 * already executed with `3028` INVALID_PARAM, the documented catch-all code.
 */
import { randomUUID } from 'node:crypto';

/** One firing, as `QueryPushSchedulerList` lists it. */
export interface ScheduledTask {
  uniqueId: string;
  parentId: string;
  appId: string;
  workspaceId: string;
  type: number;
  deliveryType: number;
  strategyType: 1 | 2;
  pushTime: number;
  pushTitle: string;
  pushContent: string;
  gmtCreate: number;
  cancelled: boolean;
}

/** What an accepted scheduled or loop PushTemplate call leaves behind. */
export interface ScheduledPush {
  taskId: string;
  appId: string;
  workspaceId: string;
  deliveryType: number;
  strategyType: 1 | 2;
  /** The decoded `StrategyContent`. */
  content: Record<string, unknown>;
  title: string;
  text: string;
  createdAt: number;
}

export interface ScheduleQuery {
  appId: string;
  workspaceId: string;
  startTime: number;
  endTime: number;
  type?: number;
  uniqueId?: string;
  pageNumber: number;
  pageSize: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** China Standard Time: mPaaS's zone. */
const CST_OFFSET_MS = 8 * HOUR_MS;
/** The longest loop the API takes is 180 days; a bound for malformed input all the same. */
const MAX_FIRINGS = 400;

function number(value: unknown): number | undefined {
  const parsed = typeof value === 'string' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** The epoch ms of each firing of a loop: every matching day from start to end, at `time`. */
export function loopFirings(content: Record<string, unknown>): number[] {
  const start = number(content.startTime);
  const end = number(content.endTime);
  const circleType = number(content.circleType);
  const time =
    typeof content.time === 'string' ? /^(\d{2}):(\d{2}):(\d{2})$/.exec(content.time) : null;
  if (start === undefined || end === undefined || circleType === undefined || time === null) {
    return [];
  }
  const days = Array.isArray(content.circleValue) ? content.circleValue.map(Number) : [];
  const atTime = (Number(time[1]) * 60 + Number(time[2])) * 60_000 + Number(time[3]) * 1000;
  const firstDay = Math.floor((start + CST_OFFSET_MS) / DAY_MS);
  const lastDay = Math.floor((end + CST_OFFSET_MS) / DAY_MS);
  const firings: number[] = [];
  const last = Math.min(lastDay, firstDay + MAX_FIRINGS);
  for (let day = firstDay; day <= last && firings.length < MAX_FIRINGS; day += 1) {
    const date = new Date(day * DAY_MS);
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    const matches =
      circleType === 1 ||
      (circleType === 2 && days.includes(weekday)) ||
      (circleType === 3 && days.includes(date.getUTCDate()));
    const at = day * DAY_MS + atTime - CST_OFFSET_MS;
    if (matches && at >= start && at <= end) firings.push(at);
  }
  return firings;
}

/** The tasks of every scheduled and loop push the emulator accepted. */
export class ScheduleBook {
  #tasks: ScheduledTask[] = [];

  /** Records the firings of an accepted push. */
  add(push: ScheduledPush): void {
    const times =
      push.strategyType === 1
        ? [number(push.content.fixedTime)].filter((at): at is number => at !== undefined)
        : loopFirings(push.content);
    for (const pushTime of times) {
      this.#tasks.push({
        uniqueId: push.strategyType === 1 ? push.taskId : randomUUID().replaceAll('-', ''),
        parentId: push.taskId,
        appId: push.appId,
        workspaceId: push.workspaceId,
        type: 1,
        deliveryType: push.deliveryType,
        strategyType: push.strategyType,
        pushTime,
        pushTitle: push.title,
        pushContent: push.text,
        gmtCreate: push.createdAt,
        cancelled: false,
      });
    }
  }

  /** One page of the tasks `query` selects, by push time, and how many it selects in all. */
  query(query: ScheduleQuery): { totalCount: number; list: ScheduledTask[] } {
    const selected = this.#tasks.filter(
      (task) =>
        !task.cancelled &&
        task.appId === query.appId &&
        task.workspaceId === query.workspaceId &&
        task.pushTime >= query.startTime &&
        task.pushTime <= query.endTime &&
        (query.type === undefined || task.type === query.type) &&
        (query.uniqueId === undefined ||
          task.uniqueId === query.uniqueId ||
          task.parentId === query.uniqueId),
    );
    selected.sort((a, b) => a.pushTime - b.pushTime);
    const from = (query.pageNumber - 1) * query.pageSize;
    return { totalCount: selected.length, list: selected.slice(from, from + query.pageSize) };
  }

  /**
   * Cancels the tasks named (a parent id cancels all its subtasks not yet executed).
   * @returns the ids it could not cancel: unknown, cancelled already, or executed at `now`
   */
  cancel(appId: string, workspaceId: string, ids: readonly string[], now: number): string[] {
    const refused: string[] = [];
    for (const id of ids) {
      const tasks = this.#tasks.filter(
        (task) =>
          task.appId === appId &&
          task.workspaceId === workspaceId &&
          !task.cancelled &&
          task.pushTime > now &&
          (task.uniqueId === id || task.parentId === id),
      );
      if (tasks.length === 0) refused.push(id);
      for (const task of tasks) task.cancelled = true;
    }
    return refused;
  }

  /** Every task, cancelled ones included, for the admin route and tests. */
  list(): ScheduledTask[] {
    return structuredClone(this.#tasks);
  }

  clear(): void {
    this.#tasks = [];
  }
}
