/**
 * JSON text parsed with its repeated keys remembered.
 *
 * Why: `JSON.parse('{"dup":"mk-1","dup":"mk-2"}')` keeps the last value and says nothing, so a
 * targetMsgkey naming one target twice was sent once with the second msgKey, and a request
 * naming `taskName` twice went out with whichever came last. RFC 8259 §4 leaves such objects'
 * meaning to the parser ("the names within an object SHOULD be unique"), so this function refuses
 * them rather than guess. JSON.parse still does the parsing; a second pass over the text finds
 * each object's repeated names, and each object that had some is remembered (a WeakMap: nothing
 * is kept once the object is gone), so that the schema can report the repeat at the field the
 * caller sent, on every trigger, whether the map came as an object or as a JSON string.
 */

/** Objects parsed here that named a key more than once, with those keys. */
const repeats = new WeakMap<object, string[]>();

/** Most repeats remembered per text: enough to report, bounded for hostile input. */
const MAX_REPEATS = 1000;

type Step = string | number;

/** An open object or array; frames link to their parent, so depth costs no path copies. */
interface ObjectFrame {
  kind: 'object';
  parent: Frame | undefined;
  /** This container's step in its parent: a key or an index. */
  step: Step | undefined;
  keys: Set<string>;
  key: string | undefined;
  expectKey: boolean;
}
interface ArrayFrame {
  kind: 'array';
  parent: Frame | undefined;
  step: Step | undefined;
  index: number;
}
type Frame = ObjectFrame | ArrayFrame;

/** The end of the string starting at `start` (a `"`): the index of its closing quote. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/** The step a child container opened now takes in `frame`. */
function childStep(frame: Frame | undefined): Step | undefined {
  if (frame === undefined) return undefined;
  return frame.kind === 'object' ? (frame.key ?? '') : frame.index;
}

/** The path from the root to `frame`, built only for a frame that repeated a key. */
function pathOf(frame: Frame): Step[] {
  const path: Step[] = [];
  for (let at: Frame | undefined = frame; at?.step !== undefined; at = at.parent) {
    path.push(at.step);
  }
  return path.reverse();
}

/** Where each repeated key is, in text that JSON.parse has accepted. */
function findRepeats(text: string): Array<{ path: Step[]; key: string }> {
  const found: Array<{ path: Step[]; key: string }> = [];
  let top: Frame | undefined;
  for (let i = 0; i < text.length && found.length < MAX_REPEATS; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (top?.kind === 'object' && top.expectKey) {
        const raw = text.slice(i, end + 1);
        const key: string = raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1);
        if (top.keys.has(key)) found.push({ path: pathOf(top), key });
        else top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (code === 0x7b /* { */) {
      const step = childStep(top);
      top = { kind: 'object', parent: top, step, keys: new Set(), key: undefined, expectKey: true };
    } else if (code === 0x5b /* [ */) {
      top = { kind: 'array', parent: top, step: childStep(top), index: 0 };
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      top = top?.parent;
    } else if (code === 0x2c /* , */ && top !== undefined) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index += 1;
    }
  }
  return found;
}

function holderAt(value: unknown, path: readonly Step[]): unknown {
  let at = value;
  for (const step of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = Reflect.get(at, step);
  }
  return at;
}

/**
 * `JSON.parse(text)`, remembering the keys each object repeated (see {@link repeatedKeys}).
 *
 * @throws SyntaxError as JSON.parse does.
 * @example
 * const map = parseJsonText('{"dup":"mk-1","dup":"mk-2"}');
 * repeatedKeys(map); // ['dup']
 */
export function parseJsonText(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // an object with a repeat has at least two keys, hence a comma; most texts have no brace
  if (!text.includes('{')) return value;
  for (const { path, key } of findRepeats(text)) {
    const holder = holderAt(value, path);
    if (typeof holder !== 'object' || holder === null) continue;
    const keys = repeats.get(holder) ?? [];
    if (!keys.includes(key)) keys.push(key);
    repeats.set(holder, keys);
  }
  return value;
}

/**
 * The keys `value` named more than once in the JSON text it was parsed from; none for an object
 * that was not parsed by {@link parseJsonText}.
 *
 * @example
 * repeatedKeys(parseJsonText('{"a":1,"a":2,"b":3}')); // ['a']
 */
export function repeatedKeys(value: object): readonly string[] {
  return repeats.get(value) ?? [];
}

/**
 * Carries the repeats of `from` over to `to`, for a parsed object that is copied before it is
 * validated.
 *
 * @example
 * keepRepeats(request, { ...request, targetMsgkey });
 */
export function keepRepeats<T extends object>(from: object, to: T): T {
  const keys = repeats.get(from);
  if (keys !== undefined) repeats.set(to, keys);
  return to;
}
