import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { invokeCommand, invokeOnce } from '#local/invoke.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('npm run invoke', () => {
  it('runs the built timer-push once with the example event and reports what the emulator received', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const event = await readFile(path.join(root, 'examples/events/timer.json'));

    const { result, pushes } = await invokeOnce('timer-push', event, false);

    vi.restoreAllMocks();
    expect(result).toMatchObject({ ok: true, value: { records: 1, sent: 1 } });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({
      params: { TemplateName: 'template1024', TaskName: 'daily reminder' },
    });
  });

  it.each([
    ['http-push', 'http.json'],
    ['mns-push', 'mns-topic-json.json'],
    ['mns-push', 'mns-topic-stream.json'],
    ['event-push', 'eventbridge-mns-queue.json'],
    ['event-push', 'eventbridge-bus.json'],
  ])('pushes the README example for %s from examples/events/%s', async (name, file) => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const event = await readFile(path.join(root, 'examples/events', file));

    const { result, pushes } = await invokeOnce(name, event, false);

    vi.restoreAllMocks();
    expect(result.ok).toBe(true);
    expect(pushes.length).toBeGreaterThan(0);
  });

  it('reports a function that does not exist as a failure', async () => {
    await expect(invokeOnce('no-such-function', Buffer.from('{}'), false)).rejects.toThrow(
      /does not exist/,
    );
  });

  it('says in one line, with the list of functions, that a misspelt function does not exist (#9)', async () => {
    const lines: string[] = [];

    const code = await invokeCommand(['timer-pus', 'examples/events/timer.json'], {
      write: (text: string) => lines.push(text),
    });

    expect(code).toBe(2);
    expect(lines).toEqual([
      'npm run invoke: no function "timer-pus"; the functions are event-push, http-push, mns-push, push-worker, timer-push\n',
    ]);
  });

  it('says in one line that the event file cannot be read (#9)', async () => {
    const lines: string[] = [];

    const code = await invokeCommand(['timer-push', 'no/such/event.json'], {
      write: (text: string) => lines.push(text),
    });

    expect(code).toBe(2);
    expect(lines).toEqual([
      'npm run invoke: cannot read the event file "no/such/event.json": no such file\n',
    ]);
  });
});
