import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '#local/emulator/server.ts';
import { loadTemplates, placeholders, render } from '#local/emulator/template-registry.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-registry-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true });
});

async function registryFile(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('the emulator template registry', () => {
  it('ships the two documented sample templates', async () => {
    // Act
    const registry = await loadTemplates(
      new URL('../../local/emulator/templates.json', import.meta.url),
    );

    // Assess
    for (const name of ['Test template', 'template1024']) {
      const template = registry.find(name);
      expect(template?.content).toBe('Hello #name#, congratulations on winning #money# yuan');
      expect(template && registry.keysOf(template)).toEqual(['name', 'money']);
    }
    expect(registry.find('test template')).toBeUndefined();
  });

  it('lists each placeholder once and renders known ones only', () => {
    // Act
    const keys = placeholders('#a# and #b# and #a#, not # spaced #');
    const text = render('#a# and #b#', { a: '1' });

    // Assess
    expect(keys).toEqual(['a', 'b']);
    expect(text).toBe('1 and #b#');
  });

  it('refuses a registry file that is not JSON, naming the file', async () => {
    // Prepare
    const file = await registryFile('broken.json', '{ "templates": [');

    // Act
    const loading = loadTemplates(file);

    // Assess
    await expect(loading).rejects.toThrow(`Template registry ${file} is not valid JSON`);
  });

  it('refuses a registry whose templates do not match the schema', async () => {
    // Prepare
    const file = await registryFile('no-content.json', '{ "templates": [{ "name": "x" }] }');

    // Act
    const starting = startEmulator({ templatesFile: file });

    // Assess
    await expect(starting).rejects.toThrow(/is invalid: .*content/s);
  });
});
