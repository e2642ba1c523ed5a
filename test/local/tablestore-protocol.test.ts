/**
 * The Tablestore emulator at the HTTP level, where the SDK cannot take a test: malformed or
 * unsigned requests, clock skew, wrong methods and operations, bodies that are not protobuf,
 * and the control routes (`/_faults`, `/_sts`, `/_tables/<name>`).
 */
import protobuf from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { encodePutRow } from '#lib/send/store/tablestore/plain-buffer.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { signedHeaders } from '#lib/send/store/tablestore/signer.ts';
import { useOtsTestBed } from '#test/lib/send/store/tablestore/ots-test-bed.ts';

const bed = useOtsTestBed();

interface Sent {
  status: number;
  error: { code: string; message: string } | undefined;
}

async function post(
  operation: string,
  body: Uint8Array,
  options: { date?: Date; headers?: Record<string, string | undefined>; method?: string } = {},
): Promise<Sent> {
  const signed = signedHeaders({
    operation,
    instance: bed.emulator.instance,
    body,
    credentials: bed.credentials,
    date: options.date ?? new Date(),
  });
  const headers = Object.fromEntries(
    Object.entries({ ...signed, ...options.headers }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const method = options.method ?? 'POST';
  const response = await fetch(`${bed.emulator.url}/${operation}`, {
    method,
    headers,
    ...(method === 'POST' ? { body } : {}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    error: response.status >= 300 ? ots.Error.decode(bytes) : undefined,
  };
}

const listBody = ots.ListTableRequest.encode({}).finish();

function putBody(table: string) {
  return ots.PutRowRequest.encode({
    tableName: table,
    row: encodePutRow({ name: 'id', value: 'k' }, { a: '1' }),
    condition: { rowExistence: ots.RowExistenceExpectation.IGNORE },
  }).finish();
}

async function createTable(timeToLive = 86_400) {
  const body = ots.CreateTableRequest.encode({
    tableMeta: { tableName: 't', primaryKey: [{ name: 'id', type: ots.PrimaryKeyType.STRING }] },
    reservedThroughput: { capacityUnit: { read: 0, write: 0 } },
    tableOptions: { timeToLive, maxVersions: 1 },
  }).finish();
  expect((await post('CreateTable', body)).status).toBe(200);
}

describe('the Tablestore emulator protocol checks', () => {
  it('answers a correctly signed request', async () => {
    expect(await post('ListTable', listBody)).toEqual({ status: 200, error: undefined });
  });

  it.each([
    'x-ots-date',
    'x-ots-apiversion',
    'x-ots-accesskeyid',
    'x-ots-instancename',
    'x-ots-contentmd5',
  ])('refuses a request without %s with 400 OTSParameterInvalid', async (header) => {
    const sent = await post('ListTable', listBody, { headers: { [header]: undefined } });

    expect(sent).toEqual({
      status: 400,
      error: { code: 'OTSParameterInvalid', message: `Missing header: ${header}.` },
    });
  });

  it('refuses a request without a signature with 403 OTSAuthFailed', async () => {
    const sent = await post('ListTable', listBody, { headers: { 'x-ots-signature': undefined } });

    expect(sent).toEqual({
      status: 403,
      error: { code: 'OTSAuthFailed', message: 'Signature mismatch.' },
    });
  });

  it('refuses an unreadable date with 400 and a date more than 15 minutes off with 403', async () => {
    const unreadable = await post('ListTable', listBody, { headers: { 'x-ots-date': 'blahblah' } });
    const late = new Date(Date.now() - 16 * 60_000);
    const skewed = await post('ListTable', listBody, { date: late });
    const nearlySkewed = await post('ListTable', listBody, {
      date: new Date(Date.now() + 14 * 60_000),
    });

    expect(unreadable.error).toEqual({
      code: 'OTSParameterInvalid',
      message: 'Invalid date format: blahblah.',
    });
    expect(skewed).toEqual({
      status: 403,
      error: {
        code: 'OTSAuthFailed',
        message: `Mismatch between system time and x-ots-date: ${late.toISOString()}.`,
      },
    });
    expect(nearlySkewed.status).toBe(200);
  });

  it('refuses a body whose MD5 is not the signed one with 403 OTSAuthFailed', async () => {
    const signed = signedHeaders({
      operation: 'ListTable',
      instance: bed.emulator.instance,
      body: listBody,
      credentials: bed.credentials,
      date: new Date(),
    });
    const response = await fetch(`${bed.emulator.url}/ListTable`, {
      method: 'POST',
      headers: signed,
      body: Buffer.of(0x00),
    });

    expect(response.status).toBe(403);
    expect(ots.Error.decode(new Uint8Array(await response.arrayBuffer())).message).toBe(
      'Mismatch between MD5 value of request body and x-ots-contentmd5 in header.',
    );
  });

  it('refuses another method with 405 and an unknown operation with 400', async () => {
    const get = await post('ListTable', listBody, { method: 'GET' });
    const unknown = await post('HelloWorld', listBody);

    expect(get.error).toEqual({
      code: 'OTSMethodNotAllowed',
      message: 'Only POST method for requests is supported.',
    });
    expect(get.status).toBe(405);
    expect(unknown).toEqual({
      status: 400,
      error: { code: 'OTSUnsupportOperation', message: "Unsupported operation: 'HelloWorld'." },
    });
  });

  it('refuses a body that is not the protobuf message with 400 OTSParameterInvalid', async () => {
    const sent = await post('DeleteTable', Buffer.from('not protobuf at all'));

    expect(sent).toEqual({
      status: 400,
      error: { code: 'OTSParameterInvalid', message: 'Failed to parse the ProtoBuf message.' },
    });
  });

  it('refuses a PutRow without its required condition with 400 OTSParameterInvalid', async () => {
    await createTable();
    // PutRowRequest fields 1 (table_name) and 2 (row) only: the encoder would insist on 3.
    const row = encodePutRow({ name: 'id', value: 'k' }, { a: '1' });
    const body = protobuf.Writer.create().uint32(10).string('t').uint32(18).bytes(row).finish();

    const sent = await post('PutRow', body);

    expect(sent.status).toBe(400);
    expect(sent.error?.code).toBe('OTSParameterInvalid');
    expect(bed.emulator.rows('t')).toEqual([]);
  });

  it('refuses a body over 5 MB with 413 OTSRequestBodyTooLarge', async () => {
    const sent = await post('PutRow', Buffer.alloc(5 * 1024 * 1024 + 1));

    expect(sent).toEqual({
      status: 413,
      error: { code: 'OTSRequestBodyTooLarge', message: 'The size of POST data is too large.' },
    });
  });
});

describe('the Tablestore emulator control routes', () => {
  it('queues valid faults over PUT /_faults and refuses invalid ones', async () => {
    const put = (faults: unknown) =>
      fetch(`${bed.emulator.url}/_faults`, { method: 'PUT', body: JSON.stringify({ faults }) });

    const invalid = await put([{ type: 'error', code: 'MadeUp' }]);
    const valid = await put([{ type: 'slow', ms: 10, operation: 'GetRow', times: 2 }]);
    const listed = await (await fetch(`${bed.emulator.url}/_faults`)).json();
    const cleared = await fetch(`${bed.emulator.url}/_faults`, { method: 'DELETE' });

    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toContain('needs a status');
    expect(valid.status).toBe(200);
    expect(listed).toEqual({ faults: [{ type: 'slow', ms: 10, operation: 'GetRow', times: 2 }] });
    expect(cleared.status).toBe(204);
    expect(bed.emulator.faults()).toEqual([]);
  });

  it('refuses a fault in process too, as setFaults validates the same schema', () => {
    expect(() => bed.emulator.setFaults([{ type: 'slow', ms: -1 }])).toThrow();
    expect(() =>
      bed.emulator.setFaults([{ type: 'error', code: 'Custom', status: 200 }]),
    ).toThrow();
  });

  it('answers an error fault with the given code, status and message', async () => {
    bed.emulator.setFaults([{ type: 'error', code: 'Custom', status: 429, message: 'slow down' }]);

    expect(await post('ListTable', listBody)).toEqual({
      status: 429,
      error: { code: 'Custom', message: 'slow down' },
    });
  });

  it('mints working credentials over POST /_sts', async () => {
    const response = await fetch(`${bed.emulator.url}/_sts`, {
      method: 'POST',
      body: '{"durationSeconds":60}',
    });
    const minted = (await response.json()) as { accessKeyId: string; securityToken: string };

    expect(response.status).toBe(200);
    expect(minted.accessKeyId).toMatch(/^STS\./);
    expect(minted.securityToken).toMatch(/^CAIS/);
  });

  it('dumps a table over GET /_tables/<name>, expired versions flagged', async () => {
    await createTable(86_400);
    await post('PutRow', putBody('t'));
    bed.advance(86_400_000);

    const dump = (await (await fetch(`${bed.emulator.url}/_tables/t`)).json()) as {
      table: string;
      rows: unknown[];
    };
    const missing = await fetch(`${bed.emulator.url}/_tables/nope`);

    expect(dump.table).toBe('t');
    expect(dump.rows).toEqual([
      {
        key: 'k',
        columns: {},
        versions: { a: [{ value: '1', timestamp: expect.any(Number), expired: true }] },
      },
    ]);
    expect(missing.status).toBe(404);
  });

  it('drops a call delayed by a slow fault when the emulator closes', async () => {
    bed.emulator.setFaults([{ type: 'slow', ms: 60_000 }]);

    const pending = post('ListTable', listBody).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bed.emulator.close();

    expect(await pending).toBe('dropped');
  });
});
