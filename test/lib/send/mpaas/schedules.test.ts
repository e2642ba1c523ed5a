/**
 * Reading the scheduler actions' answers: `ResultContent` as an object or as JSON text, tasks
 * with missing or oddly typed fields, and failures classified as PushTemplate's are.
 */
import { describe, expect, it } from 'vitest';
import type { CallContext } from '#lib/send/mpaas/client.ts';
import { resultFromBody } from '#lib/send/mpaas/outcome.ts';
import { cancelSchedule, listSchedules, SCHEDULES_API_VERSION } from '#lib/send/mpaas/schedules.ts';
import { MpaasBusinessError, MpaasGatewayError, MpaasTransportError } from '#lib/shared/errors.ts';

const app = { appId: 'ONEX570DA89211721', workspaceId: 'test' };
const context = {} as CallContext;

/** A client that answers `body` and records what it was asked. */
function answering(body: unknown, httpStatus = 200) {
  const calls: Array<{ action: string; params: Record<string, string>; version?: string }> = [];
  return {
    calls,
    client: {
      async call(
        action: string,
        params: Record<string, string>,
        _c: CallContext,
        version?: string,
      ) {
        calls.push({ action, params, ...(version === undefined ? {} : { version }) });
        return { body, httpStatus };
      },
    },
  };
}

const query = { startTime: 1, endTime: 2, pageNumber: 3, pageSize: 4 };

describe('listSchedules', () => {
  it('asks QueryPushSchedulerList of API 2020-10-28 with the app, window, page and filters', async () => {
    const { client, calls } = answering({ RequestId: 'R', ResultCode: 'OK', ResultContent: {} });

    await listSchedules(client, app, { ...query, type: 1, taskId: 'abc' }, context);

    expect(calls).toEqual([
      {
        action: 'QueryPushSchedulerList',
        version: SCHEDULES_API_VERSION,
        params: {
          AppId: app.appId,
          WorkspaceId: app.workspaceId,
          StartTime: '1',
          EndTime: '2',
          PageNumber: '3',
          PageSize: '4',
          Type: '1',
          UniqueId: 'abc',
        },
      },
    ]);
    expect(SCHEDULES_API_VERSION).toBe('2020-10-28');
  });

  it('reads ResultContent sent as JSON text, and each task field it can', async () => {
    const content = {
      Data: {
        TotalCount: '7',
        List: [
          {
            UniqueId: 'u1',
            ParentId: 99,
            PushTime: '1767225600000',
            PushTitle: 'Hi',
            PushContent: 'Hello',
            Type: 1,
            DeliveryType: '3',
            StrategyType: 2,
            ExecutedStatus: 1,
            GmtCreate: 1767139200000,
          },
          { UniqueId: 'u2', PushTime: null, GmtCreate: '', ExecutedStatus: '0', Type: 'x' },
          { UniqueId: 'u3', PushTime: 9e15, GmtCreate: -9e15 },
          'not a task',
        ],
      },
    };
    const { client } = answering({
      RequestId: 'R1',
      ResultCode: 'OK',
      ResultContent: JSON.stringify(content),
    });

    const page = await listSchedules(client, app, query, context);

    expect(page).toEqual({
      totalCount: 7,
      mpaasRequestId: 'R1',
      tasks: [
        {
          taskId: 'u1',
          parentId: '99',
          pushTime: '2026-01-01T00:00:00.000Z',
          title: 'Hi',
          content: 'Hello',
          type: 1,
          deliveryType: 3,
          strategyType: 2,
          executed: true,
          createdAt: '2025-12-31T00:00:00.000Z',
        },
        { taskId: 'u2', executed: false },
        { taskId: 'u3', executed: false },
      ],
    });
  });

  it('counts the tasks it got when no total is sent, and reads a missing list as none', async () => {
    const some = answering({
      RequestId: 'R',
      ResultCode: 'OK',
      ResultContent: { Data: { List: [{}] } },
    });
    const none = answering({ RequestId: 'R', ResultCode: 'OK', ResultContent: null });

    const page = await listSchedules(some.client, app, query, context);
    expect(page.totalCount).toBe(1);
    expect(page.tasks).toEqual([{ taskId: '', executed: false }]);
    expect(await listSchedules(none.client, app, query, context)).toMatchObject({
      totalCount: 0,
      tasks: [],
    });
  });
});

describe('cancelSchedule', () => {
  it('asks CancelPushScheduler of API 2020-10-28 for the id, and answers the RequestId', async () => {
    const { client, calls } = answering({
      RequestId: 'R2',
      ResultCode: 'OK',
      ResultContent: 'success',
    });

    expect(await cancelSchedule(client, app, 't-1', context)).toBe('R2');
    expect(calls).toEqual([
      {
        action: 'CancelPushScheduler',
        version: '2020-10-28',
        params: { AppId: app.appId, WorkspaceId: app.workspaceId, UniqueIds: 't-1' },
      },
    ]);
  });
});

describe('resultFromBody', () => {
  it('fails a gateway code, a missing ResultCode, another ResultCode and a body that is no object', () => {
    expect(() =>
      resultFromBody({ Code: 'Forbidden.RAM', Message: 'no' }, 403, 'QueryPushSchedulerList'),
    ).toThrow(MpaasGatewayError);
    expect(() => resultFromBody({ RequestId: 'R' }, 200, 'QueryPushSchedulerList')).toThrow(
      MpaasTransportError,
    );
    expect(() => resultFromBody([], 200, 'QueryPushSchedulerList')).toThrow(MpaasTransportError);
    const refused = (() => {
      try {
        resultFromBody(
          { RequestId: 'R', ResultCode: '3028', ResultMessage: 'bad' },
          200,
          'QueryPushSchedulerList',
        );
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(MpaasBusinessError);
    expect(refused).toMatchObject({
      code: '3028',
      requestId: 'R',
      message: 'mPaaS refused QueryPushSchedulerList: 3028 bad',
    });
    const silent = (() => {
      try {
        resultFromBody({ RequestId: 'R', ResultCode: '8011' }, 200, 'QueryPushSchedulerList');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(silent).toMatchObject({ code: '8011' });
    // no ResultMessage: the code alone, no stand-in text
    expect((silent as Error).message).toBe('mPaaS refused QueryPushSchedulerList: 8011 ');
  });

  it('keeps text content that only looks like JSON as text', () => {
    expect(
      resultFromBody({ ResultCode: 'OK', ResultContent: '{oops' }, 200, 'QueryPushSchedulerList')
        .content,
    ).toBe('{oops');
    expect(
      resultFromBody({ ResultCode: 'OK', ResultContent: ' [1]' }, 200, 'QueryPushSchedulerList')
        .content,
    ).toEqual([1]);
    expect(
      resultFromBody({ ResultCode: 'OK', ResultContent: 'done' }, 200, 'QueryPushSchedulerList'),
    ).toEqual({
      requestId: '',
      content: 'done',
    });
  });
});
