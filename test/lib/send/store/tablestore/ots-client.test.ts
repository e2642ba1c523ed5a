/**
 * The wire client against the emulator over loopback HTTP: the four row operations and their
 * conditions, table creation and description, and how every failure becomes an `OtsError`
 * (code, status, request id, and whether the write may have landed).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createTable, describeTable, otsTable } from '#lib/send/store/tablestore/ots-client.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { otsFailure as failure } from './ots-failure.ts';
import { useOtsTestBed } from './ots-test-bed.ts';

const bed = useOtsTestBed();
const DAY_MS = 86_400_000;

async function table(settings = { timeToLiveSeconds: -1, maxVersions: 1 as const }) {
  await createTable(bed.options(), settings);
  return otsTable(bed.options());
}

describe('otsTable row operations', () => {
  it('reads a missing row as undefined and a written row as its columns', async () => {
    const idem = await table();

    expect(await idem.getRow('k')).toBeUndefined();
    await idem.putRow(
      'k',
      { state: 'new', owner: 'tök€n', n: 2 ** 53 },
      { row: 'EXPECT_NOT_EXIST' },
    );

    expect(await idem.getRow('k')).toEqual({ state: 'new', owner: 'tök€n', n: 2 ** 53 });
  });

  it('replaces the whole row on PutRow and only the named columns on UpdateRow', async () => {
    const idem = await table();
    await idem.putRow('k', { a: '1', b: '2', c: 3 }, { row: 'IGNORE' });

    await idem.putRow('k', { a: 'x', b: 'y' }, { row: 'EXPECT_EXIST' });
    await idem.updateRow('k', { put: { b: 'z', d: 4 }, delete: ['a'] }, { row: 'EXPECT_EXIST' });

    expect(await idem.getRow('k')).toEqual({ b: 'z', d: 4 });
  });

  it('deletes a row that exists, and fails EXPECT_EXIST on one that does not', async () => {
    const idem = await table();
    await idem.putRow('k', { a: '1' }, { row: 'IGNORE' });

    await idem.deleteRow('k', { row: 'EXPECT_EXIST' });
    const error = await failure(idem.deleteRow('k', { row: 'EXPECT_EXIST' }));

    expect(await idem.getRow('k')).toBeUndefined();
    expect(error).toMatchObject({
      code: 'OTSConditionCheckFail',
      status: 403,
      outcomeUnknown: false,
    });
  });

  it('fails a second EXPECT_NOT_EXIST put with a condition failure that wrote nothing', async () => {
    const idem = await table();
    await idem.putRow('k', { owner: 'first' }, { row: 'EXPECT_NOT_EXIST' });

    const error = await failure(idem.putRow('k', { owner: 'second' }, { row: 'EXPECT_NOT_EXIST' }));

    expect(error.conditionFailed).toBe(true);
    expect(error).toMatchObject({
      code: 'OTSConditionCheckFail',
      status: 403,
      outcomeUnknown: false,
    });
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toBe(
      `Tablestore PutRow failed: OTSConditionCheckFail Condition check failed. (HTTP 403, request ${error.requestId}).`,
    );
    expect(await idem.getRow('k')).toEqual({ owner: 'first' });
  });

  it('writes only while every column condition of an AND holds', async () => {
    const idem = await table();
    await idem.putRow('k', { owner: 'tok-1', exp: 1_000 }, { row: 'IGNORE' });
    const owned = (owner: string, now: number) => ({
      row: 'EXPECT_EXIST' as const,
      column: {
        and: [
          { column: 'owner', comparator: 'EQUAL' as const, value: owner, passIfMissing: false },
          { column: 'exp', comparator: 'GREATER_THAN' as const, value: now, passIfMissing: false },
        ],
      },
    });

    const stolen = await failure(idem.updateRow('k', { put: { state: 'x' } }, owned('tok-2', 500)));
    const late = await failure(idem.updateRow('k', { put: { state: 'x' } }, owned('tok-1', 1_000)));
    await idem.updateRow('k', { put: { state: 'done' } }, owned('tok-1', 999));

    expect([stolen.code, late.code]).toEqual(['OTSConditionCheckFail', 'OTSConditionCheckFail']);
    expect(await idem.getRow('k')).toEqual({ owner: 'tok-1', exp: 1_000, state: 'done' });
  });

  it('passes a condition on a missing column only when passIfMissing says so', async () => {
    const idem = await table();
    await idem.putRow('k', { a: '1' }, { row: 'IGNORE' });
    const on = (passIfMissing: boolean) => ({
      row: 'IGNORE' as const,
      column: { column: 'lease', comparator: 'LESS_THAN' as const, value: 10, passIfMissing },
    });

    const strict = await failure(idem.updateRow('k', { put: { b: '2' } }, on(false)));
    await idem.updateRow('k', { put: { b: '2' } }, on(true));

    expect(strict.code).toBe('OTSConditionCheckFail');
    expect(await idem.getRow('k')).toEqual({ a: '1', b: '2' });
  });

  it('stops seeing a row once its columns are older than the TTL', async () => {
    const idem = await table({ timeToLiveSeconds: 86_400, maxVersions: 1 });
    await idem.putRow('k', { state: 'new' }, { row: 'EXPECT_NOT_EXIST' });

    bed.advance(DAY_MS - 1);
    const before = await idem.getRow('k');
    bed.advance(1);

    expect(before).toEqual({ state: 'new' });
    expect(await idem.getRow('k')).toBeUndefined();
    await idem.putRow('k', { state: 'again' }, { row: 'EXPECT_NOT_EXIST' });
  });
});

describe('createTable and describeTable', () => {
  it('creates a table that describes itself with its key, TTL and versions', async () => {
    await createTable(bed.options(), { timeToLiveSeconds: 172_800, maxVersions: 1 });

    expect(await describeTable(bed.options())).toEqual({
      table: 'idem',
      primaryKey: [{ name: 'id', type: 'STRING' }],
      timeToLiveSeconds: 172_800,
      maxVersions: 1,
      status: 'ACTIVE',
    });
  });

  it('answers OTSObjectAlreadyExist 409 for a second table of the same name', async () => {
    await createTable(bed.options(), { timeToLiveSeconds: -1, maxVersions: 1 });

    const error = await failure(
      createTable(bed.options(), { timeToLiveSeconds: -1, maxVersions: 1 }),
    );

    expect(error).toMatchObject({
      code: 'OTSObjectAlreadyExist',
      status: 409,
      outcomeUnknown: false,
    });
  });

  it('answers OTSObjectNotExist 404 for a table that does not exist, on reads and writes', async () => {
    const describe404 = await failure(describeTable(bed.options({ table: 'nope' })));
    const get404 = await failure(otsTable(bed.options({ table: 'nope' })).getRow('k'));

    expect(describe404).toMatchObject({ code: 'OTSObjectNotExist', status: 404 });
    expect(get404.message).toContain('Requested table does not exist.');
  });

  it('answers OTSParameterInvalid 400 for a TTL under a day', async () => {
    const error = await failure(
      createTable(bed.options(), { timeToLiveSeconds: 3_600, maxVersions: 1 }),
    );

    expect(error).toMatchObject({
      code: 'OTSParameterInvalid',
      status: 400,
      outcomeUnknown: false,
    });
  });
});

describe('otsTable failures', () => {
  it.each([
    [{ type: 'throttled' as const }, 'OTSServerBusy', 503, false],
    [
      { type: 'throttled' as const, code: 'OTSNotEnoughCapacityUnit' as const },
      'OTSNotEnoughCapacityUnit',
      403,
      false,
    ],
    [
      { type: 'error' as const, code: 'OTSRowOperationConflict' },
      'OTSRowOperationConflict',
      409,
      false,
    ],
    [{ type: 'unavailable' as const }, 'OTSServerUnavailable', 503, true],
    [{ type: 'error' as const, code: 'OTSTimeout' }, 'OTSTimeout', 503, true],
    [
      { type: 'error' as const, code: 'OTSInternalServerError' },
      'OTSInternalServerError',
      500,
      true,
    ],
  ])('maps a %o fault to %s, HTTP %i, outcomeUnknown %s', async (fault, code, status, unknown) => {
    const idem = await table();
    bed.emulator.setFaults([{ ...fault, operation: 'PutRow' }]);

    const error = await failure(idem.putRow('k', { a: '1' }, { row: 'IGNORE' }));

    expect(error).toMatchObject({ code, status, outcomeUnknown: unknown });
    expect(error.requestId).toBeDefined();
  });

  it('fails with Timeout after timeoutMs() and tells that the write may still land', async () => {
    const idem = await table();
    bed.emulator.setFaults([{ type: 'slow', ms: 300, operation: 'PutRow' }]);
    const slowTable = otsTable(bed.options({ timeoutMs: () => 50 }));
    const started = performance.now();

    const error = await failure(slowTable.putRow('k', { a: '1' }, { row: 'IGNORE' }));
    const elapsed = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(error).toMatchObject({ code: 'Timeout', status: 0, outcomeUnknown: true });
    expect(error.message).toContain('timed out after 50 ms');
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(250);
    expect(await idem.getRow('k')).toEqual({ a: '1' });
  });

  it('reads timeoutMs() when each call starts, so a later call gets the time left', async () => {
    const idem = await table();
    let left = 2_000;
    const shrinking = otsTable(bed.options({ timeoutMs: () => left }));
    bed.emulator.setFaults([{ type: 'slow', ms: 200, operation: 'GetRow', times: 2 }]);

    await shrinking.getRow('k');
    left = 40;
    const error = await failure(shrinking.getRow('k'));

    expect(error).toMatchObject({ code: 'Timeout', outcomeUnknown: true });
    expect(await idem.getRow('missing')).toBeUndefined();
  });

  it('sends nothing when timeoutMs() is 0 or less', async () => {
    await table();
    const served = bed.requests.length;

    const zero = await failure(
      otsTable(bed.options({ timeoutMs: () => 0 })).putRow('k', {}, { row: 'IGNORE' }),
    );
    const negative = await failure(otsTable(bed.options({ timeoutMs: () => -5 })).getRow('k'));

    expect(zero).toMatchObject({ code: 'Timeout', status: 0, outcomeUnknown: false });
    expect(negative).toMatchObject({ code: 'Timeout', status: 0, outcomeUnknown: false });
    expect(zero.message).toMatch(
      /^Tablestore PutRow to .+ not sent: no time left before the deadline\.$/,
    );
    expect(bed.requests.length).toBe(served);
  });

  it('reports a reset after the write was applied as a NetworkError whose outcome is unknown', async () => {
    const idem = await table();
    bed.emulator.setFaults([{ type: 'reset', afterApply: true, operation: 'UpdateRow' }]);

    const error = await failure(idem.updateRow('k', { put: { state: 'sent' } }, { row: 'IGNORE' }));

    expect(error).toMatchObject({ code: 'NetworkError', status: 0, outcomeUnknown: true });
    expect(error.message).toContain('ECONNRESET');
    expect(bed.emulator.rows('idem')?.map((row) => row.columns)).toEqual([{ state: 'sent' }]);
  });

  it('reports a reset before the write as unknown too: the client cannot tell the two apart', async () => {
    const idem = await table();
    bed.emulator.setFaults([{ type: 'reset', operation: 'PutRow' }]);

    const error = await failure(idem.putRow('k', { a: '1' }, { row: 'IGNORE' }));

    expect(error).toMatchObject({ code: 'NetworkError', outcomeUnknown: true });
    expect(bed.emulator.rows('idem')).toEqual([]);
  });

  it('reports a refused connection as a NetworkError that sent nothing', async () => {
    const port = bed.emulator.port;
    await bed.emulator.close();

    const error = await failure(
      otsTable(bed.options({ endpoint: `http://127.0.0.1:${port}` })).getRow('k'),
    );

    expect(error).toMatchObject({ code: 'NetworkError', status: 0, outcomeUnknown: false });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('answers OTSAuthFailed 403 for a wrong secret without quoting any credential', async () => {
    await table();
    const { credentials } = bed;
    const wrong = { ...credentials, accessKeySecret: 'not-the-secret' };

    const error = await failure(otsTable(bed.options({ credentials: wrong })).getRow('k'));

    expect(error).toMatchObject({ code: 'OTSAuthFailed', status: 403, outcomeUnknown: false });
    expect(error.message).toContain('Signature mismatch.');
    for (const secret of [
      credentials.accessKeySecret,
      credentials.securityToken,
      'not-the-secret',
    ]) {
      expect(error.message).not.toContain(secret);
    }
  });
});

describe('otsTable against a server that is not Tablestore', () => {
  async function fakeServer(status: number, body: Buffer | string) {
    const server = createServer((_req, res) => {
      res.writeHead(status, { 'x-ots-requestid': 'fake-1' });
      res.end(body);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { server, idem: otsTable(bed.options({ endpoint: `http://127.0.0.1:${port}` })) };
  }

  it('maps a 2xx body that is not the operation answer to BadResponse', async () => {
    const { server, idem } = await fakeServer(200, Buffer.of(0xff, 0xff, 0xff));

    const read = await failure(idem.getRow('k'));
    const write = await failure(idem.putRow('k', {}, { row: 'IGNORE' }));
    server.close();

    expect(read).toMatchObject({
      code: 'BadResponse',
      status: 200,
      requestId: 'fake-1',
      outcomeUnknown: false,
    });
    expect(write).toMatchObject({ code: 'BadResponse', status: 200, outcomeUnknown: true });
  });

  it('maps a proxy error page without a protobuf Error to BadResponse with its status', async () => {
    const { server, idem } = await fakeServer(502, '<html>502 Bad Gateway</html>');

    const error = await failure(idem.putRow('k', {}, { row: 'IGNORE' }));
    server.close();

    expect(error).toMatchObject({ code: 'BadResponse', status: 502, outcomeUnknown: true });
  });

  it('gives up on an answer larger than 8 MB as BadResponse rather than buffer it', async () => {
    const { server, idem } = await fakeServer(200, Buffer.alloc(8 * 1024 * 1024 + 1));

    const error = await failure(idem.getRow('k'));
    server.close();

    expect(error).toMatchObject({ code: 'BadResponse', status: 200 });
    expect(error.message).toContain('answer larger than 8388608 bytes');
  });

  it.each([
    'OTSRowOperationConflict',
    'OTSNotEnoughCapacityUnit',
    'OTSTableNotReady',
    'OTSPartitionUnavailable',
    'OTSServerBusy',
    'OTSOperationThrottled',
    'OTSQuotaExhausted',
  ])(
    'knows a 5xx %s was refused before it was applied, so the write is not in doubt',
    async (code) => {
      const body = Buffer.from(ots.Error.encode({ code, message: 'busy' }).finish());
      const { server, idem } = await fakeServer(503, body);

      const error = await failure(idem.putRow('k', {}, { row: 'IGNORE' }));
      server.close();

      expect(error).toMatchObject({
        code,
        status: 503,
        outcomeUnknown: false,
        requestId: 'fake-1',
      });
      expect(error.message).toBe(
        `Tablestore PutRow failed: ${code} busy (HTTP 503, request fake-1).`,
      );
    },
  );

  it('holds a write answered 500 with another code in doubt, and a 4xx not', async () => {
    const internal = Buffer.from(
      ots.Error.encode({ code: 'OTSInternalServerError', message: 'x' }).finish(),
    );
    const first = await fakeServer(500, internal);
    const inDoubt = await failure(first.idem.putRow('k', {}, { row: 'IGNORE' }));
    first.server.close();
    const refused = Buffer.from(
      ots.Error.encode({ code: 'OTSParameterInvalid', message: 'x' }).finish(),
    );
    const second = await fakeServer(499, refused);
    const notInDoubt = await failure(second.idem.putRow('k', {}, { row: 'IGNORE' }));
    second.server.close();

    expect(inDoubt).toMatchObject({ code: 'OTSInternalServerError', outcomeUnknown: true });
    expect(notInDoubt).toMatchObject({ code: 'OTSParameterInvalid', outcomeUnknown: false });
  });

  it('names an answer without an error body, with its status and request id', async () => {
    const { server, idem } = await fakeServer(500, Buffer.alloc(0));

    const error = await failure(idem.getRow('k'));
    server.close();

    expect(error.message).toMatch(
      /^Tablestore GetRow on 127\.0\.0\.1:\d+ answered without an error body \(HTTP 500, request fake-1\)\.$/,
    );
    expect(error).toMatchObject({ code: 'BadResponse', status: 500, outcomeUnknown: true });
  });

  it('speaks TLS to an https endpoint: a plain HTTP server there is a failed handshake, not an answer', async () => {
    const { server } = await fakeServer(200, Buffer.alloc(0));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;

    const error = await failure(
      otsTable(bed.options({ endpoint: `https://127.0.0.1:${port}` })).getRow('k'),
    );
    server.close();

    expect(error.code).not.toBe('BadResponse');
    expect(error.message).toMatch(/EPROTO|SSL|TLS|wrong version/i);
  });

  it('reads an answer of exactly 8 MB, and fails one cut short, as a network error', async () => {
    const { server, idem } = await fakeServer(200, Buffer.alloc(8 * 1024 * 1024));
    const whole = await failure(idem.getRow('k'));
    server.close();
    const cut = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write(Buffer.alloc(10));
      setTimeout(() => res.destroy(), 20);
    });
    cut.listen(0, '127.0.0.1');
    await once(cut, 'listening');
    const address = cut.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const short = await failure(
      otsTable(bed.options({ endpoint: `http://127.0.0.1:${port}` })).getRow('k'),
    );
    cut.close();

    // 8 MB of zeros is not a GetRow answer, but it was read to the end, not refused as too large
    expect(whole.message).not.toContain('answer larger');
    expect(short.message).toMatch(
      /failed: (the connection closed before the answer ended|aborted|ECONNRESET)/,
    );
  });

  it('tolerates answers with fields it does not know', async () => {
    // GetRowResponse{consumed: {capacity_unit: {}}, row: <empty>, field 15: 'x'}.
    const body = Buffer.from('0a020a001200' + '7a0178', 'hex');
    const { server, idem } = await fakeServer(200, body);

    const row = await idem.getRow('k');
    server.close();

    expect(row).toBeUndefined();
  });
});

describe('describeTable against answers it must tolerate', () => {
  async function answering(body: Uint8Array) {
    const server = createServer((_req, res) => res.end(body));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    return { server, options: bed.options({ endpoint: `http://127.0.0.1:${port}` }) };
  }

  const answer = (tableStatus: number) =>
    ots.DescribeTableResponse.encode({
      tableMeta: {
        tableName: 'idem',
        primaryKey: [{ name: 'id', type: ots.PrimaryKeyType.STRING }],
      },
      reservedThroughputDetails: { capacityUnit: {}, lastIncreaseTime: 0 },
      tableOptions: {},
      tableStatus,
    }).finish();

  it('reads missing optional options as the service defaults: no TTL, one version', async () => {
    const { server, options } = await answering(answer(ots.TableStatus.ACTIVE));

    const described = await describeTable(options);
    server.close();

    expect(described).toMatchObject({ timeToLiveSeconds: -1, maxVersions: 1, status: 'ACTIVE' });
  });

  it('refuses a table status it does not know as BadResponse', async () => {
    const { server, options } = await answering(answer(42));

    const error = await failure(describeTable(options));
    server.close();

    expect(error).toMatchObject({ code: 'BadResponse', status: 200, outcomeUnknown: false });
    expect(error.message).toContain("missing required 'tableStatus'");
  });
});
