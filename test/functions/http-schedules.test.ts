/**
 * `GET /schedules` and `DELETE /schedules/{taskId}` (#10) through the http-push handler and the
 * mPaaS emulator: a scheduled and a loop push created with POST /pushes are listed with their
 * firings and paging, cancelled (a cancelled one is no longer listed and cannot be cancelled
 * again: 404), a push that fired is 409, and bad queries are refused before any call.
 */
import { describe, expect, it, vi } from 'vitest';
import { docsExample } from '#test/helpers/fc.ts';
import { useHttpApi } from '#test/helpers/http-api.ts';

const api = useHttpApi();
const { call } = api;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Creates a push with `strategy` through POST /pushes; its mPaaS task id. */
async function schedule(strategy: Record<string, unknown>, target: string): Promise<string> {
  const body = docsExample({ targetMsgkey: { [target]: `m-${target}` }, ...strategy });
  const answer = await call({ body: JSON.stringify(body) });
  expect(answer.statusCode).toBe(200);
  const [first] = answer.json.calls as Array<{ taskId?: string }>;
  if (!first?.taskId) throw new Error('no taskId');
  return first.taskId;
}

type Task = {
  taskId: string;
  parentId: string;
  executed: boolean;
  pushTime: string;
  strategyType: number;
};

describe('GET /schedules', () => {
  it('lists a scheduled push and each firing of a loop push, by time, in pages', async () => {
    const fixedTime = Date.now() + 2 * HOUR;
    const scheduled = await schedule({ strategyType: 1, strategyContent: { fixedTime } }, 's1');
    const loop = await schedule(
      {
        strategyType: 2,
        strategyContent: {
          startTime: Date.now() + DAY,
          endTime: Date.now() + 4 * DAY,
          circleType: 1,
          time: '10:00:00',
        },
      },
      'l1',
    );

    const all = await call({ method: 'GET', path: '/schedules' });
    const firings = await call({ method: 'GET', path: '/schedules', query: { taskId: loop } });
    const page = await call({
      method: 'GET',
      path: '/schedules',
      query: { pageSize: '2', pageNumber: '2' },
    });

    expect(all.statusCode).toBe(200);
    const tasks = all.json.tasks as Task[];
    expect(tasks[0]).toMatchObject({
      taskId: scheduled,
      parentId: scheduled,
      strategyType: 1,
      executed: false,
      pushTime: new Date(fixedTime).toISOString(),
      title: expect.any(String),
    });
    expect(all.json.totalCount).toBe(tasks.length);
    expect(tasks.filter((task) => task.parentId === loop).length).toBeGreaterThanOrEqual(3);
    const times = tasks.map((task) => Date.parse(task.pushTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect((firings.json.tasks as Task[]).every((task) => task.parentId === loop)).toBe(true);
    expect(page.json).toMatchObject({ pageNumber: 2, pageSize: 2, totalCount: tasks.length });
    expect((page.json.tasks as Task[]).map((task) => task.taskId)).toEqual(
      tasks.slice(2, 4).map((task) => task.taskId),
    );
    expect(all.json.mpaasRequestId).toEqual(expect.any(String));
  });

  it('answers an empty page when nothing is scheduled', async () => {
    const answer = await call({ method: 'GET', path: '/schedules' });

    expect(answer.statusCode).toBe(200);
    expect(answer.json).toMatchObject({ totalCount: 0, tasks: [], pageNumber: 1, pageSize: 100 });
  });

  it.each([
    [{ pageSize: '501' }, 'pageSize'],
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageNumber: 'x' }, 'pageNumber'],
    [{ startTime: '-1' }, 'startTime'],
    [{ startTime: '8640000000000000' }, 'startTime'],
    [{ startTime: '200', endTime: '100' }, 'endTime'],
    [{ type: '4' }, 'type'],
    [{ taskId: 'a b' }, 'taskId'],
    [{ page: '1' }, 'page'],
  ])('refuses the query %o with 400 naming %s, before any mPaaS call', async (query, name) => {
    api.emulator.setFaults([{ type: 'result', resultCode: '9000' }]);

    const answer = await call({ method: 'GET', path: '/schedules', query });

    expect(answer.statusCode).toBe(400);
    expect(answer.json.code).toBe('InvalidQueryParameter');
    expect(answer.json.detail).toContain(name);
    expect(api.emulator.faults()).toHaveLength(1);
  });

  it('answers an mPaaS refusal as a push would: a wrong app is the deployment to fix', async () => {
    api.emulator.setFaults([
      { type: 'result', resultCode: '8012', resultMessage: 'INVALID_INSTANCE_ID' },
    ]);

    const answer = await call({ method: 'GET', path: '/schedules' });

    expect(answer.statusCode).toBe(502);
    expect(answer.json.code).toBe('8012');
  });

  it('needs the function to name its app', async () => {
    vi.stubEnv('MPAAS_APP_ID', '');

    const answer = await call({ method: 'GET', path: '/schedules' });

    expect(answer.statusCode).toBe(500);
    expect(answer.json.code).toBe('InvalidConfiguration');
  });
});

describe('DELETE /schedules/{taskId}', () => {
  it('cancels a scheduled push: it is no longer listed, and a second cancel is 404', async () => {
    const taskId = await schedule(
      { strategyType: 1, strategyContent: { fixedTime: Date.now() + HOUR } },
      'c1',
    );

    const cancelled = await call({ method: 'DELETE', path: `/schedules/${taskId}` });
    const listed = await call({ method: 'GET', path: '/schedules' });
    const again = await call({ method: 'DELETE', path: `/schedules/${taskId}` });

    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json).toMatchObject({
      taskId,
      cancelled: 1,
      mpaasRequestId: expect.any(String),
    });
    expect(listed.json.tasks).toEqual([]);
    expect(again.statusCode).toBe(404);
    expect(again.json.code).toBe('TaskNotFound');
    expect(api.emulator.schedules().every((task) => task.cancelled)).toBe(true);
  });

  it('cancels every firing of a loop push by its id', async () => {
    const loop = await schedule(
      {
        strategyType: 2,
        strategyContent: {
          startTime: Date.now() + DAY,
          endTime: Date.now() + 3 * DAY,
          circleType: 1,
          time: '12:00:00',
        },
      },
      'c2',
    );
    const firings = api.emulator.schedules().length;

    const cancelled = await call({ method: 'DELETE', path: `/schedules/${loop}` });

    expect(cancelled.json.cancelled).toBe(firings);
    expect(api.emulator.schedules().filter((task) => !task.cancelled)).toEqual([]);
  });

  it('answers 409 for a push that fired already', async () => {
    const taskId = await schedule(
      { strategyType: 1, strategyContent: { fixedTime: Date.now() + 60_000 } },
      'c3',
    );
    // two minutes later on every clock of this process (the handler's and the emulator's), not
    // on the timers: the push has fired, however slowly the machine ran the steps before
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });

    const answer = await call({ method: 'DELETE', path: `/schedules/${taskId}` }).finally(() =>
      vi.useRealTimers(),
    );

    expect(answer.statusCode).toBe(409);
    expect(answer.json.code).toBe('TaskAlreadyExecuted');
  });

  it('refuses a task id that cannot be one, and another method, before any call', async () => {
    const bad = await call({ method: 'DELETE', path: `/schedules/${'x'.repeat(65)}` });
    const post = await call({ method: 'POST', path: '/schedules/123', body: '{}' });

    expect(bad.statusCode).toBe(400);
    expect(bad.json.code).toBe('InvalidTaskId');
    expect(post.statusCode).toBe(405);
    expect(post.headers.allow).toBe('DELETE');
  });
});
