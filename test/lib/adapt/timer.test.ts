import { describe, expect, it } from 'vitest';
import { deriveMsgKey, timerRecords } from '#lib/adapt/timer.ts';
import { docsExample, fixture } from '#test/helpers/fc.ts';

const NAME = 'timer-trigger';
const TIME = '2023-12-26T07:49:00Z';
const FIRING = `${NAME}@${TIME}`;
/** The firing: a record's time rules are judged as of it (#9). */
const FIRED = new Date(TIME);

function timerEvent(payload: unknown, overrides: Record<string, unknown> = {}): Buffer {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return Buffer.from(
    JSON.stringify({ ...fixture('timer/doc-sample.json'), payload: text, ...overrides }),
  );
}

function requestOf(event: Buffer, index = 0): Record<string, unknown> {
  const record = timerRecords(event)[index];
  if (record?.kind !== 'push') throw new Error(`expected a push record, got ${record?.kind}`);
  return record.request as Record<string, unknown>;
}

describe('timerRecords', () => {
  it('marks the published sample, whose payload is "awesome-fc", invalid under the firing id', () => {
    // Prepare
    const event = Buffer.from(JSON.stringify(fixture('timer/doc-sample.json')));

    // Act
    const records = timerRecords(event);

    // Assess
    expect(records).toEqual([
      {
        kind: 'invalid',
        id: FIRING,
        reason:
          'The timer payload is not JSON (10 characters); set it to a push request, or an array of them, as JSON.',
      },
    ]);
  });

  it('reads one push request and replaces its msgKeys with derived ones', () => {
    const request = docsExample({ targetMsgkey: { user1024: 'static', user2048: 'static2' } });

    const records = timerRecords(timerEvent(request));

    expect(records).toEqual([
      {
        kind: 'push',
        id: FIRING,
        request: {
          ...request,
          targetMsgkey: {
            user1024: deriveMsgKey(NAME, TIME, 0, 'user1024'),
            user2048: deriveMsgKey(NAME, TIME, 0, 'user2048'),
          },
        },
        validatedAt: FIRED,
      },
    ]);
  });

  it('reads an array of push requests, one record each with an index in its id', () => {
    const first = docsExample({ taskName: 'first' });
    const second = docsExample({ taskName: 'second' });

    const records = timerRecords(timerEvent([first, second]));

    expect(records.map((record) => [record.kind, record.id])).toEqual([
      ['push', `${FIRING}#0`],
      ['push', `${FIRING}#1`],
    ]);
    const keys = [0, 1].map((i) => requestOf(timerEvent([first, second]), i).targetMsgkey);
    expect(keys).toEqual([
      { user1024: deriveMsgKey(NAME, TIME, 0, 'user1024') },
      { user1024: deriveMsgKey(NAME, TIME, 1, 'user1024') },
    ]);
    expect(keys[0]).not.toEqual(keys[1]);
  });

  it('gives a redelivery of the same firing the same msgKeys and another firing new ones', () => {
    const request = docsExample();

    const first = requestOf(timerEvent(request));
    const retry = requestOf(timerEvent(request));
    const next = requestOf(timerEvent(request, { triggerTime: '2023-12-27T07:49:00Z' }));

    expect(retry).toEqual(first);
    expect(next.targetMsgkey).not.toEqual(first.targetMsgkey);
  });

  it('converts a targets list into a targetMsgkey and drops the targets key', () => {
    const { targetMsgkey: _omitted, ...rest } = docsExample();

    const request = requestOf(timerEvent({ ...rest, targets: ['user1024', 'user2048'] }));

    expect(request).toEqual({
      ...rest,
      targetMsgkey: {
        user1024: deriveMsgKey(NAME, TIME, 0, 'user1024'),
        user2048: deriveMsgKey(NAME, TIME, 0, 'user2048'),
      },
    });
  });

  it('reads a targetMsgkey given as a JSON string, as the mPaaS docs send it', () => {
    const request = requestOf(timerEvent(docsExample({ targetMsgkey: '{"user1024":"1"}' })));

    expect(request.targetMsgkey).toEqual({ user1024: deriveMsgKey(NAME, TIME, 0, 'user1024') });
  });

  it('passes on unchanged a request whose targets it cannot read, for the schema to report', () => {
    const unreadable = docsExample({ targetMsgkey: 'not json' });
    const { targetMsgkey: _omitted, ...missing } = docsExample();

    const records = timerRecords(timerEvent([unreadable, missing, 'text']));

    expect(records).toEqual([
      { kind: 'push', id: `${FIRING}#0`, request: unreadable, validatedAt: FIRED },
      { kind: 'push', id: `${FIRING}#1`, request: missing, validatedAt: FIRED },
      { kind: 'push', id: `${FIRING}#2`, request: 'text', validatedAt: FIRED },
    ]);
  });

  it('marks a request with both targets and targetMsgkey, or with bad targets, invalid', () => {
    const both = docsExample({ targets: ['user1024'] });
    const bad = docsExample({ targetMsgkey: undefined, targets: 'user1024' });

    const records = timerRecords(timerEvent([both, bad]));

    expect(records).toEqual([
      {
        kind: 'invalid',
        id: `${FIRING}#0`,
        reason: "The timer payload's request has both targets and targetMsgkey; give only one.",
      },
      {
        kind: 'invalid',
        id: `${FIRING}#1`,
        reason:
          "The timer payload's request has targets that are not an array of target id strings.",
      },
    ]);
  });

  it('marks a request that names a target twice invalid, rather than collapsing the two (#9)', () => {
    const twice = docsExample({ targetMsgkey: undefined, targets: ['same', 'other', 'same'] });

    expect(timerRecords(timerEvent([twice]))).toEqual([
      {
        kind: 'invalid',
        id: `${FIRING}#0`,
        reason:
          "The timer payload's request has targets.2, which repeats targets.0; name each target once.",
      },
    ]);
  });

  it('gives a firing an id that splits one way only (#9)', () => {
    const event = (triggerName: string, triggerTime: string, payload: unknown) =>
      Buffer.from(JSON.stringify({ triggerName, triggerTime, payload: JSON.stringify(payload) }));
    const request = docsExample();

    const [single] = timerRecords(event('daily', 'T#0', request));
    const [first] = timerRecords(event('daily', 'T', [request, request]));
    const [named] = timerRecords(event('a@b', 'T', request));

    expect(single?.id).toBe('daily@T%230');
    expect(first?.id).toBe('daily@T#0');
    expect(named?.id).toBe('a%40b@T');
  });

  it('marks an empty array payload and a missing payload invalid', () => {
    const empty = timerRecords(timerEvent([]));
    const missing = timerRecords(
      Buffer.from(JSON.stringify({ triggerName: NAME, triggerTime: TIME })),
    );

    expect(empty).toMatchObject([{ kind: 'invalid', id: FIRING }]);
    expect(empty[0]).toHaveProperty('reason', expect.stringContaining('empty array'));
    expect(missing).toMatchObject([{ kind: 'invalid', id: FIRING }]);
    expect(missing[0]).toHaveProperty('reason', expect.stringContaining('no payload string'));
  });

  it('marks an event without triggerName or not JSON invalid under the fallback id', () => {
    const unnamed = timerRecords(timerEvent(docsExample(), { triggerName: undefined }), 'req-1');
    const garbage = timerRecords(Buffer.from('awesome-fc'), 'req-2');

    expect(unnamed).toMatchObject([{ kind: 'invalid', id: 'req-1' }]);
    expect(unnamed[0]).toHaveProperty('reason', expect.stringContaining('triggerName'));
    expect(garbage).toEqual([
      { kind: 'invalid', id: 'req-2', reason: 'The timer event is not JSON (10 characters).' },
    ]);
  });
});

describe('deriveMsgKey', () => {
  it('is 32 hex digits and the same for the same parts', () => {
    const key = deriveMsgKey(NAME, TIME, 0, 'user1024');

    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(deriveMsgKey(NAME, TIME, 0, 'user1024')).toBe(key);
  });

  it('differs when any one part differs', () => {
    const base = deriveMsgKey(NAME, TIME, 0, 'user1024');

    const others = [
      deriveMsgKey('other-trigger', TIME, 0, 'user1024'),
      deriveMsgKey(NAME, '2023-12-26T07:50:00Z', 0, 'user1024'),
      deriveMsgKey(NAME, TIME, 1, 'user1024'),
      deriveMsgKey(NAME, TIME, 0, 'user2048'),
    ];

    expect(new Set([base, ...others]).size).toBe(5);
  });

  it('keeps parts apart even when a part contains what a separator would be', () => {
    expect(deriveMsgKey('a:b', 'c', 0, 't')).not.toBe(deriveMsgKey('a', 'b:c', 0, 't'));
    expect(deriveMsgKey('a","b', 'c', 0, 't')).not.toBe(deriveMsgKey('a', 'b","c', 0, 't'));
  });
});
