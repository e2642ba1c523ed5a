/**
 * The push templates the emulator knows, as if created in the mPaaS console, and their rendering.
 *
 * PushTemplate refers to a template by name and fills its `#key#` placeholders from
 * `TemplateKeyValue`; unknown names fail with 3022 and missing keys with 3023. The registry is a
 * JSON file (`templates.json` beside this module by default) checked with a schema at start-up,
 * so a typo in it fails loudly instead of turning into a confusing 3022 later.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const TemplateSchema = z.strictObject({
  // the console's limits for a template's name (mPaaS "创建模板"); title and content as a push's
  name: z.string().min(1).max(200),
  title: z.string().max(200).optional(),
  content: z.string().min(1).max(2048),
});

const RegistrySchema = z.strictObject({
  description: z.string().optional(),
  templates: z.array(TemplateSchema),
});

/** One push template. */
export type PushTemplateDefinition = z.infer<typeof TemplateSchema>;

const PLACEHOLDER = /#([^#\s]+)#/g;

/**
 * The placeholder keys of a text, without duplicates.
 * @example placeholders('Hi #name#, #name#!') // ['name']
 */
export function placeholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
}

/**
 * Replaces each `#key#` with its value; keys without a value are left as they are.
 * @example render('Hi #name#', { name: 'Ana' }) // "Hi Ana"
 */
export function render(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, key: string) => values[key] ?? whole);
}

/** Templates by name. */
export class TemplateRegistry {
  readonly #byName: Map<string, PushTemplateDefinition>;

  constructor(templates: readonly PushTemplateDefinition[]) {
    this.#byName = new Map(templates.map((template) => [template.name, template]));
  }

  /** The template called `name`, if any. */
  find(name: string): PushTemplateDefinition | undefined {
    return this.#byName.get(name);
  }

  /** Every template, by name. */
  list(): PushTemplateDefinition[] {
    return [...this.#byName.values()]
      .map((template) => ({ ...template }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Adds a template, or replaces the one of its name, as creating it in the mPaaS console would.
   * @throws ZodError when it is not a template (a name, content, an optional title)
   */
  put(template: unknown): PushTemplateDefinition {
    const parsed = TemplateSchema.parse(template);
    this.#byName.set(parsed.name, parsed);
    return { ...parsed };
  }

  /** The placeholder keys of a template's title and content together. */
  keysOf(template: PushTemplateDefinition): string[] {
    return placeholders(`${template.title ?? ''}\n${template.content}`);
  }
}

/**
 * Reads and checks a registry file.
 * @throws Error naming the file when it is unreadable or does not match the schema
 */
export async function loadTemplates(file: string | URL): Promise<TemplateRegistry> {
  const text = await readFile(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`Template registry ${String(file)} is not valid JSON`, { cause });
  }
  const parsed = RegistrySchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Template registry ${String(file)} is invalid: ${z.prettifyError(parsed.error)}`,
    );
  }
  return new TemplateRegistry(parsed.data.templates);
}
