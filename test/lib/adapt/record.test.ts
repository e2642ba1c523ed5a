import { describe, expect, it } from 'vitest';
import {
  decodePayload,
  decodeUtf8,
  idPart,
  ignoredRecord,
  kindOf,
  parseEventJson,
  parseJson,
  payloadRecord,
  quoted,
} from '#lib/adapt/record.ts';
import { docsExample } from '#test/helpers/fc.ts';

const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

describe('decodePayload', () => {
  it('decodes base64 wrapped at 76 characters with CRLF, as MIME encoders write it (#9)', () => {
    const request = docsExample({ taskName: 'x'.repeat(200) });
    const lines =
      Buffer.from(JSON.stringify(request))
        .toString('base64')
        .match(/.{1,76}/g) ?? [];
    expect(lines.length).toBeGreaterThan(2);

    expect(decodePayload(`${lines.join('\r\n')}\r\n`)).toEqual({ ok: true, value: request });
    expect(decodePayload(lines.join('\n'))).toEqual({ ok: true, value: request });
    expect(decodePayload(`${lines.join('\r\n')}!`)).toMatchObject({ ok: false });
  });

  it('returns the value of JSON text', () => {
    // Prepare
    const request = docsExample();

    // Act
    const decoded = decodePayload(JSON.stringify(request));

    // Assess
    expect(decoded).toEqual({ ok: true, value: request });
  });

  it('decodes base64 of UTF-8 JSON, ignoring the whitespace around it', () => {
    const request = docsExample({ templateKeyValue: { name: '张三', money: '200' } });

    const decoded = decodePayload(`  ${base64(JSON.stringify(request))}\n`);

    expect(decoded).toEqual({ ok: true, value: request });
  });

  it('tries JSON before base64, so a short JSON text that is also base64 stays JSON', () => {
    expect(decodePayload('1234')).toEqual({ ok: true, value: 1234 });
  });

  it('refuses plain text with a reason that does not quote it', () => {
    const decoded = decodePayload('hello topic');

    expect(decoded).toEqual({ ok: false, reason: 'not JSON (nor base64 of JSON)' });
  });

  it('refuses a word made of base64 letters whose decoding is not UTF-8 JSON', () => {
    expect(decodePayload('TEST').ok).toBe(false);
  });

  it('refuses base64 of text that is not JSON', () => {
    expect(decodePayload(base64('hello topic')).ok).toBe(false);
  });

  it('refuses base64 without its padding, which a lenient decoder would accept', () => {
    const unpadded = base64('{"taskName":"a"}').replace(/=+$/, '');

    expect(unpadded.length % 4).not.toBe(0);
    expect(decodePayload(unpadded).ok).toBe(false);
  });

  it('refuses base64 of malformed UTF-8 even when a lossy decoding would be JSON', () => {
    const bytes = Buffer.concat([
      Buffer.from('{"taskName":"'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);

    expect(decodePayload(base64(bytes)).ok).toBe(false);
  });

  it('refuses the empty string', () => {
    expect(decodePayload('').ok).toBe(false);
  });
});

describe('decodeUtf8', () => {
  it('refuses malformed bytes and says how many bytes there were', () => {
    const decoded = decodeUtf8(Buffer.from([0x68, 0xc3, 0x28]));

    expect(decoded).toEqual({ ok: false, reason: 'not valid UTF-8 (3 bytes)' });
  });

  it('drops a leading byte-order mark so the text parses as JSON', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]);

    expect(parseEventJson(bytes)).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('parseJson', () => {
  it('says how long the text was but never quotes it', () => {
    const decoded = parseJson('secret-token');

    expect(decoded).toEqual({ ok: false, reason: 'not JSON (12 characters)' });
  });
});

describe('parseEventJson', () => {
  it('reports bytes that are not UTF-8 before trying JSON', () => {
    expect(parseEventJson(Buffer.from([0xff]))).toEqual({
      ok: false,
      reason: 'not valid UTF-8 (1 bytes)',
    });
  });
});

describe('payloadRecord', () => {
  it('makes a push record of a payload that decodes', () => {
    const request = docsExample();

    const record = payloadRecord('m-1', base64(JSON.stringify(request)), 'The message');

    expect(record).toEqual({ kind: 'push', id: 'm-1', request });
  });

  it('makes an invalid record whose reason is a sentence without the payload', () => {
    const record = payloadRecord('m-1', 'hello topic', 'The message');

    expect(record).toEqual({
      kind: 'invalid',
      id: 'm-1',
      reason: 'The message (11 characters) is not JSON (nor base64 of JSON).',
    });
  });
});

describe('record helpers', () => {
  it('builds an ignored record', () => {
    expect(ignoredRecord('a/1', 'Not ours.')).toEqual({
      kind: 'ignored',
      id: 'a/1',
      reason: 'Not ours.',
    });
  });

  it('names the kind of a value without showing it', () => {
    expect([null, undefined, [1], { a: 1 }, 'text', 3, true].map(kindOf)).toEqual([
      'null',
      'nothing',
      'an array',
      'an object',
      'a string',
      'a number',
      'a boolean',
    ]);
  });

  it('quotes a name and cuts a long one short', () => {
    expect(quoted('acs:aliyuncvc')).toBe('"acs:aliyuncvc"');
    expect(quoted('x'.repeat(150))).toBe(JSON.stringify(`${'x'.repeat(100)}…`));
  });
});

describe('idPart', () => {
  it('encodes % and the separators, and leaves every other character as it is', () => {
    expect(idPart('app.mpaas.push/a', '/')).toBe('app.mpaas.push%2Fa');
    expect(idPart('50%/x@y#z', '/@#')).toBe('50%25%2Fx%40y%23z');
    expect(idPart('acs:mns 张', '/')).toBe('acs:mns 张');
  });

  it('makes ids that split one way only: different parts never join to the same id', () => {
    const join = (parts: string[]) => parts.map((part) => idPart(part, '/')).join('/');
    expect(join(['app/a', '1'])).not.toBe(join(['app', 'a/1']));
    expect(join(['a%2Fb', 'c'])).not.toBe(join(['a/b', 'c']));
  });
});
