/**
 * The wire client's reading of 2xx answers: every operation decodes its own answer message, so a
 * 2xx that is not one (a proxy's page, another operation's answer) fails as a `BadResponse`
 * naming the operation instead of passing for success; and what describeTable reports of the
 * options the service sent.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTable, describeTable, otsTable } from '#lib/send/store/tablestore/ots-client.ts';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { otsFailure as failure } from './ots-failure.ts';
import { useOtsTestBed } from './ots-test-bed.ts';

const bed = useOtsTestBed();
const servers: Array<{ close(): void; closeAllConnections(): void }> = [];

afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** Options pointing at a server that answers every call 200 with `body`. */
async function answering(body: Uint8Array | string) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return bed.options({ endpoint: `http://127.0.0.1:${port}` });
}

// Field 1, wire type 7: no protobuf message can start like this.
const NOT_PROTOBUF = Uint8Array.of(0x0f, 0xff, 0xff);

describe('a 2xx that is not the operation answer', () => {
  it.each([
    [
      'UpdateRow',
      (table: ReturnType<typeof otsTable>) =>
        table.updateRow('k', { put: { a: '1' } }, { row: 'IGNORE' }),
    ],
    ['DeleteRow', (table: ReturnType<typeof otsTable>) => table.deleteRow('k', { row: 'IGNORE' })],
    [
      'PutRow',
      (table: ReturnType<typeof otsTable>) => table.putRow('k', { a: '1' }, { row: 'IGNORE' }),
    ],
  ])('fails %s as a BadResponse naming it', async (operation, call) => {
    const table = otsTable(await answering(NOT_PROTOBUF));

    const error = await failure(call(table));

    expect(error).toMatchObject({ code: 'BadResponse', status: 200 });
    expect(error.message).toContain(`Tablestore ${operation}`);
  });

  it('fails CreateTable as a BadResponse naming it', async () => {
    const options = await answering(NOT_PROTOBUF);

    const error = await failure(createTable(options, { timeToLiveSeconds: -1, maxVersions: 1 }));

    expect(error).toMatchObject({ code: 'BadResponse', status: 200 });
    expect(error.message).toContain('Tablestore CreateTable');
  });
});

describe('describeTable', () => {
  it('reports the TTL and max versions the service sent', async () => {
    const body = ots.DescribeTableResponse.encode({
      tableMeta: {
        tableName: 'idem',
        primaryKey: [{ name: 'id', type: ots.PrimaryKeyType.STRING }],
      },
      reservedThroughputDetails: { capacityUnit: {}, lastIncreaseTime: 0 },
      tableOptions: { timeToLive: 172_800, maxVersions: 3 },
      tableStatus: ots.TableStatus.ACTIVE,
    }).finish();

    const described = await describeTable(await answering(body));

    expect(described).toEqual({
      table: 'idem',
      primaryKey: [{ name: 'id', type: 'STRING' }],
      timeToLiveSeconds: 172_800,
      maxVersions: 3,
      status: 'ACTIVE',
    });
  });
});
