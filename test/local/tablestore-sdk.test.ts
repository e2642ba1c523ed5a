/**
 * The Tablestore emulator judged by the real client: the `tablestore` SDK 5.6.5 creates tables,
 * writes and reads rows under every kind of condition, sees TTL expire as the emulator's clock
 * moves, and is refused with 403 OTSAuthFailed for every credential that is not right. SDK errors
 * carry the HTTP status in `code` and the raw protobuf `Error` in `message` (tablestore.md §1).
 */
import TableStore from 'tablestore';
import { describe, expect, it } from 'vitest';
import {
  sdkFailure,
  sdkTableParams,
  useOtsTestBed,
} from '#test/lib/send/store/tablestore/ots-test-bed.ts';

const bed = useOtsTestBed();
const {
  Condition,
  RowExistenceExpectation: Row,
  SingleColumnCondition,
  CompositeCondition,
} = TableStore;
const DAY_MS = 86_400_000;

const ignore = () => new Condition(Row.IGNORE, null);
const pk = (id: string) => [{ id }];

async function withTable(tableOptions?: object) {
  const client = bed.sdk();
  await client.createTable(sdkTableParams('t', tableOptions));
  return client;
}

async function put(
  client: ReturnType<typeof bed.sdk>,
  id: string,
  columns: object[],
  condition = ignore(),
) {
  await client.putRow({ tableName: 't', primaryKey: pk(id), attributeColumns: columns, condition });
}

async function columnsOf(client: ReturnType<typeof bed.sdk>, id: string) {
  const { row } = await client.getRow({ tableName: 't', primaryKey: pk(id), maxVersions: 1 });
  return Object.fromEntries(
    (row.attributes ?? []).map((cell) => [
      cell.columnName,
      typeof cell.columnValue === 'object' && 'toNumber' in cell.columnValue
        ? cell.columnValue.toNumber()
        : cell.columnValue,
    ]),
  );
}

function expectServiceError(
  failure: { status: unknown; body: string },
  status: number,
  code: string,
  message: string,
) {
  expect(failure.status).toBe(status);
  expect(failure.body).toContain(code);
  expect(failure.body).toContain(message);
}

describe('tables, through the SDK', () => {
  it('creates, describes, lists and deletes a table', async () => {
    const client = await withTable({ timeToLive: 86_400, maxVersions: 1 });

    const described = await client.describeTable({ tableName: 't' });
    const listed = await client.listTable({});
    await client.deleteTable({ tableName: 't' });
    const afterDelete = await sdkFailure(client.describeTable({ tableName: 't' }));

    expect(described.tableMeta).toMatchObject({
      tableName: 't',
      primaryKey: [{ name: 'id', type: 2 }],
    });
    expect(described.tableOptions).toMatchObject({ timeToLive: 86_400, maxVersions: 1 });
    expect(described.tableStatus).toBe(1);
    expect(listed.tableNames).toEqual(['t']);
    expectServiceError(afterDelete, 404, 'OTSObjectNotExist', 'Requested table does not exist.');
  });

  it('defaults the options as the service does: no TTL (-1), one version', async () => {
    const client = await withTable({});

    expect((await client.describeTable({ tableName: 't' })).tableOptions).toMatchObject({
      timeToLive: -1,
      maxVersions: 1,
    });
  });

  it('refuses a second table of the same name with 409 OTSObjectAlreadyExist', async () => {
    const client = await withTable();

    const failure = await sdkFailure(client.createTable(sdkTableParams('t')));

    expectServiceError(failure, 409, 'OTSObjectAlreadyExist', 'Requested table already exists.');
  });

  it.each([
    [0, 'TimeToLive cannot be 0 or less than -1.'],
    [-2, 'TimeToLive cannot be 0 or less than -1.'],
    [86_399, 'TimeToLive must be -1 or at least 86400.'],
  ])('refuses a TTL of %i seconds with 400 OTSParameterInvalid', async (timeToLive, message) => {
    const failure = await sdkFailure(
      bed.sdk().createTable(sdkTableParams('t', { timeToLive, maxVersions: 1 })),
    );

    expectServiceError(failure, 400, 'OTSParameterInvalid', message);
  });
});

describe('rows, through the SDK', () => {
  it('puts, gets, updates and deletes a row', async () => {
    const client = await withTable();

    await put(client, 'k', [{ s: 'héllo' }, { n: TableStore.Long.fromNumber(5) }, { gone: 'x' }]);
    const written = await columnsOf(client, 'k');
    await client.updateRow({
      tableName: 't',
      primaryKey: pk('k'),
      updateOfAttributeColumns: [{ PUT: [{ s: 'bye' }] }, { DELETE_ALL: ['gone'] }],
      condition: new Condition(Row.EXPECT_EXIST, null),
    });
    const updated = await columnsOf(client, 'k');
    await client.deleteRow({
      tableName: 't',
      primaryKey: pk('k'),
      condition: new Condition(Row.EXPECT_EXIST, null),
    });
    const deleted = await client.getRow({ tableName: 't', primaryKey: pk('k') });

    expect(written).toEqual({ s: 'héllo', n: 5, gone: 'x' });
    expect(updated).toEqual({ s: 'bye', n: 5 });
    expect(deleted.row).toEqual({});
  });

  it('keeps as many versions as the table allows and answers as many as asked', async () => {
    const client = await withTable({ timeToLive: -1, maxVersions: 2 });
    for (const value of ['v1', 'v2', 'v3']) {
      await put(client, 'k', [{ c: value }]);
      bed.advance(1);
      await client.updateRow({
        tableName: 't',
        primaryKey: pk('k'),
        updateOfAttributeColumns: [{ PUT: [{ c: `${value}-updated` }] }],
        condition: ignore(),
      });
      bed.advance(1);
    }

    const { row } = await client.getRow({ tableName: 't', primaryKey: pk('k'), maxVersions: 5 });

    expect(row.attributes?.map((cell) => cell.columnValue)).toEqual(['v3-updated', 'v3']);
    expect(bed.emulator.rows('t')?.[0]?.versions.c).toHaveLength(2);
  });

  it('refuses a primary key that is not the table schema with 400 OTSParameterInvalid', async () => {
    const client = await withTable();

    const failure = await sdkFailure(
      client.getRow({ tableName: 't', primaryKey: [{ other: 'k' }] }),
    );

    expectServiceError(
      failure,
      400,
      'OTSParameterInvalid',
      'Validate PK name fail. Input: other, Meta: id.',
    );
  });
});

describe('conditions, through the SDK', () => {
  const cases: [string, number, boolean][] = [
    ['EXPECT_EXIST on a missing row', Row.EXPECT_EXIST, false],
    ['EXPECT_NOT_EXIST on a missing row', Row.EXPECT_NOT_EXIST, true],
    ['IGNORE on a missing row', Row.IGNORE, true],
  ];

  it.each(cases)('%s: passes %s', async (_, expectation, passes) => {
    const client = await withTable();

    const outcome = await put(client, 'k', [{ a: '1' }], new Condition(expectation, null)).then(
      () => 'written',
      (error: Error) => error.message,
    );

    if (passes) expect(outcome).toBe('written');
    else expect(outcome).toContain('OTSConditionCheckFail');
  });

  it('fails EXPECT_NOT_EXIST on an existing row with 403 "Condition check failed." and keeps the row', async () => {
    const client = await withTable();
    await put(client, 'k', [{ owner: 'a' }]);

    const failure = await sdkFailure(
      put(client, 'k', [{ owner: 'b' }], new Condition(Row.EXPECT_NOT_EXIST, null)),
    );

    expectServiceError(failure, 403, 'OTSConditionCheckFail', 'Condition check failed.');
    expect(await columnsOf(client, 'k')).toEqual({ owner: 'a' });
  });

  const comparisons: [keyof typeof TableStore.ComparatorType, number, number][] = [
    ['EQUAL', 5, 4],
    ['NOT_EQUAL', 4, 5],
    ['GREATER_THAN', 4, 5],
    ['GREATER_EQUAL', 5, 6],
    ['LESS_THAN', 6, 5],
    ['LESS_EQUAL', 5, 4],
  ];

  it.each(comparisons)(
    'checks n %s value: passes with %i, fails with %i (n = 5)',
    async (comparator, passing, failing) => {
      const client = await withTable();
      await put(client, 'k', [{ n: TableStore.Long.fromNumber(5) }]);
      const on = (value: number) =>
        new Condition(
          Row.EXPECT_EXIST,
          new SingleColumnCondition(
            'n',
            TableStore.Long.fromNumber(value),
            TableStore.ComparatorType[comparator],
            false,
          ),
        );

      const failure = await sdkFailure(
        put(client, 'k', [{ n: TableStore.Long.fromNumber(5) }], on(failing)),
      );
      await put(client, 'k', [{ n: TableStore.Long.fromNumber(5) }, { ok: 'yes' }], on(passing));

      expectServiceError(failure, 403, 'OTSConditionCheckFail', 'Condition check failed.');
      expect(await columnsOf(client, 'k')).toEqual({ n: 5, ok: 'yes' });
    },
  );

  it('compares strings by their bytes and never matches a value of another type', async () => {
    const client = await withTable();
    await put(client, 'k', [{ s: 'b' }]);
    const on = (
      value: string | ReturnType<typeof TableStore.Long.fromNumber>,
      comparator: number,
    ) => new Condition(Row.IGNORE, new SingleColumnCondition('s', value, comparator, false));

    await put(client, 'k', [{ s: 'b' }], on('a', TableStore.ComparatorType.GREATER_THAN));
    await put(client, 'k', [{ s: 'b' }], on('\uffff', TableStore.ComparatorType.LESS_THAN));
    const typed = await sdkFailure(
      put(
        client,
        'k',
        [{ s: 'b' }],
        on(TableStore.Long.fromNumber(1), TableStore.ComparatorType.NOT_EQUAL),
      ),
    );

    expect(typed.body).toContain('OTSConditionCheckFail');
  });

  it('passes a condition on a missing column only with passIfMissing', async () => {
    const client = await withTable();
    await put(client, 'k', [{ a: '1' }]);
    const on = (passIfMissing: boolean) =>
      new Condition(
        Row.IGNORE,
        new SingleColumnCondition('missing', 'x', TableStore.ComparatorType.EQUAL, passIfMissing),
      );

    const failure = await sdkFailure(put(client, 'k', [{ a: '2' }], on(false)));
    await put(client, 'k', [{ a: '3' }], on(true));

    expect(failure.body).toContain('OTSConditionCheckFail');
    expect(await columnsOf(client, 'k')).toEqual({ a: '3' });
  });

  it('checks older versions too when latestVersionOnly is false', async () => {
    const client = await withTable({ timeToLive: -1, maxVersions: 3 });
    await put(client, 'k', [{ v: 'old' }]);
    bed.advance(1);
    await client.updateRow({
      tableName: 't',
      primaryKey: pk('k'),
      updateOfAttributeColumns: [{ PUT: [{ v: 'new' }] }],
      condition: ignore(),
    });
    const on = (latestOnly: boolean) =>
      new Condition(
        Row.IGNORE,
        new SingleColumnCondition('v', 'old', TableStore.ComparatorType.EQUAL, false, latestOnly),
      );
    const update = (condition: ReturnType<typeof on>) =>
      client.updateRow({
        tableName: 't',
        primaryKey: pk('k'),
        updateOfAttributeColumns: [{ PUT: [{ w: '1' }] }],
        condition,
      });

    const latest = await sdkFailure(update(on(true)));
    await update(on(false));

    expect(latest.body).toContain('OTSConditionCheckFail');
    expect(await columnsOf(client, 'k')).toEqual({ v: 'new', w: '1' });
  });

  it('combines conditions with AND, OR and NOT', async () => {
    const client = await withTable();
    await put(client, 'k', [{ index: TableStore.Long.fromNumber(0) }, { addr: 'china' }]);
    const single = (
      column: string,
      value: string | number,
      comparator: keyof typeof TableStore.ComparatorType,
    ) =>
      new SingleColumnCondition(
        column,
        typeof value === 'number' ? TableStore.Long.fromNumber(value) : value,
        TableStore.ComparatorType[comparator],
      );
    const combine = (
      operator: keyof typeof TableStore.LogicalOperator,
      ...subs: ReturnType<typeof single>[]
    ) => {
      const composite = new CompositeCondition(TableStore.LogicalOperator[operator]);
      for (const sub of subs) composite.addSubCondition(sub);
      return composite;
    };
    const attempt = (columnCondition: ReturnType<typeof combine>) =>
      client
        .updateRow({
          tableName: 't',
          primaryKey: pk('k'),
          updateOfAttributeColumns: [{ PUT: [{ hit: 'y' }] }],
          condition: new Condition(Row.IGNORE, columnCondition),
        })
        .then(
          () => 'pass',
          () => 'fail',
        );

    const results = [
      await attempt(
        combine('AND', single('index', 0, 'EQUAL'), single('addr', 'china', 'NOT_EQUAL')),
      ),
      await attempt(combine('AND', single('index', 0, 'EQUAL'), single('addr', 'china', 'EQUAL'))),
      await attempt(
        combine('OR', single('index', 0, 'NOT_EQUAL'), single('addr', 'china', 'NOT_EQUAL')),
      ),
      await attempt(
        combine('OR', single('index', 0, 'EQUAL'), single('addr', 'china', 'NOT_EQUAL')),
      ),
      await attempt(
        combine(
          'NOT',
          combine('AND', single('index', 0, 'EQUAL'), single('addr', 'china', 'EQUAL')),
        ),
      ),
      await attempt(
        combine(
          'NOT',
          combine('AND', single('index', 0, 'NOT_EQUAL'), single('addr', 'china', 'EQUAL')),
        ),
      ),
    ];

    expect(results).toEqual(['fail', 'pass', 'fail', 'pass', 'fail', 'pass']);
  });

  it('refuses more than 10 column conditions, and a NOT of two, with 400 OTSParameterInvalid', async () => {
    const client = await withTable();
    const many = new CompositeCondition(TableStore.LogicalOperator.OR);
    for (let i = 0; i < 11; i++)
      many.addSubCondition(
        new SingleColumnCondition(`c${i}`, 'x', TableStore.ComparatorType.EQUAL),
      );
    const not = new CompositeCondition(TableStore.LogicalOperator.NOT);
    not.addSubCondition(new SingleColumnCondition('a', 'x', TableStore.ComparatorType.EQUAL));
    not.addSubCondition(new SingleColumnCondition('b', 'x', TableStore.ComparatorType.EQUAL));

    const tooMany = await sdkFailure(
      put(client, 'k', [{ a: '1' }], new Condition(Row.IGNORE, many)),
    );
    const badNot = await sdkFailure(put(client, 'k', [{ a: '1' }], new Condition(Row.IGNORE, not)));

    expectServiceError(tooMany, 400, 'OTSParameterInvalid', 'exceeds the limit of 10');
    expectServiceError(badNot, 400, 'OTSParameterInvalid', 'NOT takes exactly one sub-condition');
    expect(bed.emulator.rows('t')).toEqual([]);
  });

  it('refuses DeleteRow with EXPECT_NOT_EXIST with 400 OTSParameterInvalid', async () => {
    const client = await withTable();

    const failure = await sdkFailure(
      client.deleteRow({
        tableName: 't',
        primaryKey: pk('k'),
        condition: new Condition(Row.EXPECT_NOT_EXIST, null),
      }),
    );

    expectServiceError(
      failure,
      400,
      'OTSParameterInvalid',
      'Invalid condition: EXPECT_NOT_EXIST while deleting row.',
    );
  });
});

describe('TTL, as the emulator clock moves', () => {
  it('hides a row whose columns all outlived the TTL, from reads and from row-existence checks', async () => {
    const client = await withTable({ timeToLive: 86_400, maxVersions: 1 });
    await put(client, 'k', [{ state: 'new' }]);

    bed.advance(DAY_MS);
    const read = await client.getRow({ tableName: 't', primaryKey: pk('k') });
    await put(client, 'k', [{ state: 'again' }], new Condition(Row.EXPECT_NOT_EXIST, null));

    expect(read.row).toEqual({});
    expect(await columnsOf(client, 'k')).toEqual({ state: 'again' });
  });

  it('expires each column version on its own, and conditions see an expired column as missing', async () => {
    const client = await withTable({ timeToLive: 86_400, maxVersions: 1 });
    await put(client, 'k', [{ lease: 'tok' }, { keep: 'old' }]);
    bed.advance(DAY_MS / 2);
    await client.updateRow({
      tableName: 't',
      primaryKey: pk('k'),
      updateOfAttributeColumns: [{ PUT: [{ keep: 'fresh' }] }],
      condition: ignore(),
    });
    bed.advance(DAY_MS / 2);

    const columns = await columnsOf(client, 'k');
    const leaseHeld = new Condition(
      Row.EXPECT_EXIST,
      new SingleColumnCondition('lease', 'tok', TableStore.ComparatorType.EQUAL, false),
    );
    const failure = await sdkFailure(put(client, 'k', [{ lease: 'tok2' }], leaseHeld));

    expect(columns).toEqual({ keep: 'fresh' });
    expect(failure.body).toContain('OTSConditionCheckFail');
  });
});

describe('authentication, through the SDK', () => {
  async function refused(overrides: Parameters<typeof bed.sdk>[0]) {
    return sdkFailure(bed.sdk(overrides).listTable({}));
  }

  it('accepts the minted STS credentials', async () => {
    expect((await bed.sdk().listTable({})).tableNames).toEqual([]);
  });

  it('refuses a wrong secret with 403 OTSAuthFailed "Signature mismatch."', async () => {
    expectServiceError(
      await refused({ secretAccessKey: 'wrong' }),
      403,
      'OTSAuthFailed',
      'Signature mismatch.',
    );
  });

  it('refuses a token that is not the one minted for the key with 403 OTSAuthFailed', async () => {
    const other = bed.emulator.mintCredentials();

    const failure = await refused({ stsToken: other.securityToken });

    expectServiceError(
      failure,
      403,
      'OTSAuthFailed',
      'The security token you provided is invalid.',
    );
  });

  it('refuses a request without the token with 403 OTSAuthFailed', async () => {
    expectServiceError(
      await refused({ stsToken: '' }),
      403,
      'OTSAuthFailed',
      'The security token you provided is invalid.',
    );
  });

  it('refuses an expired token with 403 OTSAuthFailed', async () => {
    const shortLived = bed.emulator.mintCredentials(60);
    bed.advance(61_000);

    const failure = await refused({
      accessKeyId: shortLived.accessKeyId,
      secretAccessKey: shortLived.accessKeySecret,
      stsToken: shortLived.securityToken,
    });

    expectServiceError(
      failure,
      403,
      'OTSAuthFailed',
      'The security token you provided has expired.',
    );
  });

  it('refuses an unknown key with 403 OTSAuthFailed "The AccessKeyID does not exist."', async () => {
    const failure = await refused({ accessKeyId: 'STS.neverIssued' });

    expectServiceError(failure, 403, 'OTSAuthFailed', 'The AccessKeyID does not exist.');
  });

  it('checks the signature before the token: a wrong secret with a wrong token says only that', async () => {
    const failure = await refused({ secretAccessKey: 'wrong', stsToken: 'also-wrong' });

    expectServiceError(failure, 403, 'OTSAuthFailed', 'Signature mismatch.');
  });

  it('refuses another instance name with 403 OTSAuthFailed', async () => {
    const { credentials, emulator } = bed;
    const client = new TableStore.Client({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.accessKeySecret,
      stsToken: credentials.securityToken,
      instancename: 'someone-else',
      endpoint: emulator.url,
      maxRetries: 0,
    });

    expectServiceError(
      await sdkFailure(client.listTable({})),
      403,
      'OTSAuthFailed',
      'The instance is not found.',
    );
  });
});

describe('faults, through the SDK', () => {
  it('answers a throttled fault with 503 OTSServerBusy for the chosen operation only', async () => {
    const client = await withTable();
    bed.emulator.setFaults([{ type: 'throttled', operation: 'PutRow', times: 2 }]);

    const read = await client.getRow({ tableName: 't', primaryKey: pk('k') });
    const failure = await sdkFailure(put(client, 'k', [{ a: '1' }]));

    expect(read.row).toEqual({});
    expectServiceError(failure, 503, 'OTSServerBusy', 'Server is busy.');
    expect(bed.emulator.faults()).toEqual([{ type: 'throttled', operation: 'PutRow', times: 1 }]);
  });

  it('answers an unavailable fault with 503 OTSServerUnavailable', async () => {
    bed.emulator.setFaults([{ type: 'unavailable' }]);

    expectServiceError(
      await sdkFailure(bed.sdk().listTable({})),
      503,
      'OTSServerUnavailable',
      'Server is not available.',
    );
  });

  it('resets the connection after applying a write when told to, so the SDK sees a network error', async () => {
    const client = await withTable();
    bed.emulator.setFaults([{ type: 'reset', afterApply: true, operation: 'PutRow' }]);

    const failure = await sdkFailure(put(client, 'k', [{ a: '1' }]));

    expect(failure.status).toBe('NetworkingError');
    expect(await columnsOf(client, 'k')).toEqual({ a: '1' });
  });
});

describe('request details, through the SDK', () => {
  it('answers only the columns asked for', async () => {
    const client = await withTable();
    await put(client, 'k', [{ a: '1' }, { b: '2' }, { c: '3' }]);

    const { row } = await client.getRow({
      tableName: 't',
      primaryKey: pk('k'),
      columnsToGet: ['a', 'c'],
    });

    expect(row.attributes?.map((cell) => cell.columnName)).toEqual(['a', 'c']);
  });

  it('keeps the timestamps a writer gives, and deletes one version by its timestamp', async () => {
    const client = await withTable({ timeToLive: -1, maxVersions: 3 });
    await put(client, 'k', [{ v: 'first', timestamp: 1_000 }]);
    await client.updateRow({
      tableName: 't',
      primaryKey: pk('k'),
      updateOfAttributeColumns: [{ PUT: [{ v: 'second', timestamp: 2_000 }] }],
      condition: ignore(),
    });

    await client.updateRow({
      tableName: 't',
      primaryKey: pk('k'),
      updateOfAttributeColumns: [{ DELETE: [{ v: TableStore.Long.fromNumber(2_000) }] }],
      condition: ignore(),
    });

    expect(bed.emulator.rows('t')?.[0]?.versions.v).toEqual([
      { value: 'first', timestamp: 1_000, expired: false },
    ]);
  });

  it('forgets a row whose last column an UpdateRow deletes', async () => {
    const client = await withTable();
    await put(client, 'k', [{ a: '1' }]);

    await client.updateRow({
      tableName: 't',
      primaryKey: pk('k'),
      updateOfAttributeColumns: [{ DELETE_ALL: ['a'] }],
      condition: ignore(),
    });
    const existing = await sdkFailure(
      client.updateRow({
        tableName: 't',
        primaryKey: pk('k'),
        updateOfAttributeColumns: [{ PUT: [{ a: '2' }] }],
        condition: new Condition(Row.EXPECT_EXIST, null),
      }),
    );

    expect(bed.emulator.rows('t')).toEqual([]);
    expect(existing.body).toContain('OTSConditionCheckFail');
  });

  it('checks a column condition on the primary-key column itself', async () => {
    const client = await withTable();
    const onKey = (value: string) =>
      new Condition(
        Row.IGNORE,
        new SingleColumnCondition('id', value, TableStore.ComparatorType.EQUAL, false),
      );

    const wrong = await sdkFailure(put(client, 'k', [{ a: '1' }], onKey('other')));
    await put(client, 'k', [{ a: '1' }], onKey('k'));

    expect(wrong.body).toContain('OTSConditionCheckFail');
    expect(await columnsOf(client, 'k')).toEqual({ a: '1' });
  });

  it.each([
    ['an INTEGER key', [{ id: TableStore.Long.fromNumber(1) }], 'Validate PK type fail.'],
    ['two key columns', [{ id: 'k' }, { id2: 'k' }], 'Validate PK size fail. Input: 2, Meta: 1.'],
    [
      'a key over 1 KB',
      [{ id: 'x'.repeat(1025) }],
      'exceeds the MaxLength:1024 with CurrentLength:1025',
    ],
  ])('refuses %s with 400 OTSParameterInvalid', async (_, primaryKey, message) => {
    const client = await withTable();

    const failure = await sdkFailure(
      client.putRow({
        tableName: 't',
        primaryKey,
        attributeColumns: [{ a: '1' }],
        condition: ignore(),
      }),
    );

    expectServiceError(failure, 400, 'OTSParameterInvalid', message);
  });

  it('refuses an INCREMENT, which it does not emulate, and writes nothing', async () => {
    const client = await withTable();

    const failure = await sdkFailure(
      client.updateRow({
        tableName: 't',
        primaryKey: pk('k'),
        updateOfAttributeColumns: [{ INCREMENT: [{ n: TableStore.Long.fromNumber(1) }] }],
        condition: ignore(),
      }),
    );

    expectServiceError(failure, 400, 'OTSParameterInvalid', 'does not emulate INCREMENT');
    expect(bed.emulator.rows('t')).toEqual([]);
  });

  it.each([
    ['a table name starting with a digit', sdkTableParams('1t'), "Invalid table name: '1t'."],
    [
      'two primary-key columns',
      {
        ...sdkTableParams('t'),
        tableMeta: {
          tableName: 't',
          primaryKey: [
            { name: 'a', type: 'STRING' },
            { name: 'b', type: 'STRING' },
          ],
        },
      },
      'exactly one STRING primary-key column',
    ],
    [
      'no versions',
      sdkTableParams('t', { timeToLive: -1, maxVersions: 0 }),
      'MaxVersions must be greater than 0.',
    ],
  ])('refuses to create a table with %s', async (_, params, message) => {
    const failure = await sdkFailure(bed.sdk().createTable(params));

    expectServiceError(failure, 400, 'OTSParameterInvalid', message);
  });
});
