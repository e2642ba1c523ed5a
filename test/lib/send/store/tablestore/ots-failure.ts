/** The `OtsError` a Tablestore call failed with, for tests that assert on its fields. */
import { OtsError } from '#lib/send/store/tablestore/table.ts';

/**
 * Awaits `call` and returns its `OtsError`; anything else (success, another error) fails the test.
 * @example expect(await otsFailure(table.getRow('k'))).toMatchObject({ code: 'Timeout' })
 */
export async function otsFailure(call: Promise<unknown>): Promise<OtsError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof OtsError)) throw new Error(`expected an OtsError, got ${String(error)}`);
  return error;
}
