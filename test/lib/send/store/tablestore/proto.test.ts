/**
 * The committed protobuf module cannot drift from `tablestore.proto`: regenerating it with the
 * same flags (`npm run gen:ots`) must reproduce `tablestore.js` and `tablestore.d.ts` exactly.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ots } from '#lib/send/store/tablestore/proto/tablestore.js';
import { generate, PROTO_DIR } from '../../../../../scripts/gen-ots.ts';

const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the generated Tablestore protobuf module', () => {
  it('is what npm run gen:ots produces from tablestore.proto, byte for byte', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'ots-proto-'));
    dirs.push(out);

    await generate(out);

    for (const file of ['tablestore.js', 'tablestore.d.ts']) {
      const fresh = await readFile(path.join(out, file), 'utf8');
      const committed = await readFile(path.join(PROTO_DIR, file), 'utf8');
      expect(committed, `${file} is stale: run npm run gen:ots`).toBe(fresh);
    }
  }, 60_000);

  it('skips fields it does not know, as answers from a newer service may carry them', () => {
    // Error{code: 'X', message: 'm'} followed by an unknown field 9 (varint 1).
    const bytes = Buffer.concat([
      ots.Error.encode({ code: 'X', message: 'm' }).finish(),
      Buffer.of(0x48, 0x01),
    ]);

    expect(ots.Error.decode(bytes)).toMatchObject({ code: 'X', message: 'm' });
  });

  it('refuses an answer without a required field', () => {
    expect(() => ots.GetRowResponse.decode(Buffer.alloc(0))).toThrow(/missing required/);
  });
});
