/**
 * The few parts of the `tablestore` SDK (5.6.5, devDependency, no types of its own) the tests use
 * as the reference client and as the source of golden bytes. Parameters are typed as loosely as
 * the SDK takes them; answers only as far as the tests read them.
 */
declare module 'tablestore' {
  /** `int64-buffer`'s Int64LE, what `TableStore.Long.fromNumber` makes. */
  export interface Int64LE {
    toNumber(): number;
    toBuffer(): Buffer;
  }

  export type SdkValue = string | number | boolean | Buffer | Int64LE;

  export interface ColumnCondition {
    readonly __columnCondition?: never;
  }

  export interface CompositeCondition extends ColumnCondition {
    addSubCondition(condition: ColumnCondition): void;
  }

  export interface SdkCondition {
    rowExistenceExpectation: number;
  }

  export interface SdkRow {
    primaryKey: { name: string; value: SdkValue }[];
    attributes: { columnName: string; columnValue: SdkValue; timestamp: Int64LE }[];
  }

  export interface SdkClientConfig {
    accessKeyId: string;
    secretAccessKey: string;
    stsToken?: string;
    instancename: string;
    endpoint: string;
    maxRetries?: number;
    httpOptions?: { timeout?: number };
  }

  /** What a failed call rejects with: the HTTP status and the raw body (see tablestore.md §1). */
  export interface SdkError extends Error {
    code: number | string;
  }

  export interface SdkClient {
    createTable(params: object): Promise<unknown>;
    describeTable(params: { tableName: string }): Promise<{
      tableMeta: { tableName: string; primaryKey: { name: string; type: number }[] };
      tableOptions: { timeToLive: number; maxVersions: number };
      tableStatus: number;
    }>;
    listTable(params: object): Promise<{ tableNames: string[] }>;
    deleteTable(params: { tableName: string }): Promise<unknown>;
    getRow(params: object): Promise<{ row: Partial<SdkRow> }>;
    putRow(params: object): Promise<unknown>;
    updateRow(params: object): Promise<unknown>;
    deleteRow(params: object): Promise<unknown>;
  }

  export interface SdkSigner {
    addAuthorization(
      credentials: { accessKeyId: string; secretAccessKey: string; securityToken?: string },
      date: Date,
    ): void;
  }

  const TableStore: {
    Client: new (config: SdkClientConfig) => SdkClient;
    Condition: new (rowExistence: number, columnCondition: ColumnCondition | null) => SdkCondition;
    SingleColumnCondition: new (
      column: string,
      value: SdkValue,
      comparator: number,
      passIfMissing?: boolean,
      latestVersionOnly?: boolean,
    ) => ColumnCondition;
    CompositeCondition: new (combinator: number) => CompositeCondition;
    RowExistenceExpectation: { IGNORE: 0; EXPECT_EXIST: 1; EXPECT_NOT_EXIST: 2 };
    ComparatorType: Record<
      'EQUAL' | 'NOT_EQUAL' | 'GREATER_THAN' | 'GREATER_EQUAL' | 'LESS_THAN' | 'LESS_EQUAL',
      number
    >;
    LogicalOperator: Record<'NOT' | 'AND' | 'OR', number>;
    Long: { fromNumber(value: number): Int64LE };
    PlainBufferBuilder: {
      serializePrimaryKey(primaryKey: object[]): Buffer;
      serializeForPutRow(primaryKey: object[], attributeColumns: object[]): Buffer;
      serializeForUpdateRow(primaryKey: object[], attributeColumns: object[]): Buffer;
      serializeForDeleteRow(primaryKey: object[]): Buffer;
      serializeColumnValue(value: SdkValue): Buffer;
    };
    PlainBufferInputStream: new (data: { buffer: Buffer; offset: number; limit: number }) => object;
    PlainBufferCodedInputStream: new (input: object) => { readRow(): SdkRow };
    Signer: new (request: {
      path: string;
      method: string;
      headers: Record<string, string>;
    }) => SdkSigner;
    encoder: { encode(operation: string, params: object): object };
  };
  export default TableStore;
}
