// The local push console (#12): draws the emulator's state (GET /_console/state) and draws it
// again on every change it hears on GET /_events; no framework, no network beyond the emulator.
// Everything shown is set as text (never as HTML), so a template or a target cannot inject markup.

const DEVICE = {
  1: 'Android device',
  2: 'iOS device',
  3: 'user',
  5: 'Live Activity (pushToken)',
  6: 'Live Activity (activityId)',
  7: 'HarmonyOS device',
};

const $ = (id) => document.getElementById(id);

/** An element with text, attributes and children. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

/** A parameter as it was sent: JSON-valued ones are objects, others strings. */
function objectOf(value) {
  if (value && typeof value === 'object') return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const time = (iso) => new Date(iso).toLocaleTimeString();

let state = { pushes: [], refusals: [], schedules: [], faults: [], templates: [], timeZone: 'UTC' };

/** One target's notification, as its device would show it. */
function deviceCard(push, target, msgKey) {
  const p = push.params;
  const kind = DEVICE[p.DeliveryType] ?? `deliveryType ${p.DeliveryType}`;
  const transparent = p.NotifyType === 'transparent';
  const card = el('article', { class: 'device', 'aria-label': `${kind} ${target}` });
  card.append(el('p', { class: 'device-head' }, el('strong', { text: target }), ` · ${kind}`));
  const live = p.DeliveryType === '5' || p.DeliveryType === '6';
  if (live) {
    // a Live Activity: the lock-screen activity's state, its alert the template's text
    card.classList.add('live-activity');
    const event = p.ActivityEvent === 'end' ? 'ends' : 'updates';
    card.append(el('p', { class: 'title', text: `Live Activity ${event}` }));
    const contentState = objectOf(p.ActivityContentState) ?? {};
    card.append(
      el(
        'dl',
        { class: 'content-state', 'aria-label': 'content state' },
        Object.entries(contentState).flatMap(([key, value]) => [
          el('dt', { text: key }),
          el('dd', { text: typeof value === 'string' ? value : JSON.stringify(value) }),
        ]),
      ),
    );
    card.append(el('p', { class: 'body', text: `alert: ${push.title} — ${push.text}` }));
    if (p.DismissalDate) {
      const when = new Date(Number(p.DismissalDate) * 1000).toISOString();
      card.append(el('p', { class: 'muted', text: `leaves the lock screen ${when}` }));
    }
  } else if (transparent) {
    card.append(el('p', { class: 'muted', text: 'transparent: a data message, no banner' }));
    card.append(el('p', { class: 'body', text: push.text }));
  } else {
    card.append(el('p', { class: 'title', text: push.title || '(no title)' }));
    card.append(el('p', { class: 'body', text: push.text }));
  }
  const extras = [];
  const channels = objectOf(p.ThirdChannelCategory);
  if (channels) extras.push(`vendor categories ${JSON.stringify(channels)}`);
  const levels = objectOf(p.NotifyLevel);
  if (levels) extras.push(`notify levels ${JSON.stringify(levels)}`);
  if (p.MiChannelId) extras.push(`Xiaomi channel ${p.MiChannelId}`);
  if (p.SmsStrategy && p.SmsStrategy !== '0') {
    const values = JSON.stringify(objectOf(p.SmsTemplateParam) ?? {});
    const when = p.SmsStrategy === '1' ? 'if not delivered' : 'if not opened';
    extras.push(`SMS ${when}: ${p.SmsSignName ?? ''} ${p.SmsTemplateCode ?? ''} ${values}`);
  }
  const extended = objectOf(p.ExtendedParams);
  if (extended) extras.push(`extended ${JSON.stringify(extended)}`);
  if (p.StrategyType === '1' || p.StrategyType === '2') {
    extras.push(p.StrategyType === '1' ? 'scheduled' : 'loop');
  }
  extras.push(`msgKey ${msgKey}`);
  card.append(
    el(
      'ul',
      { class: 'chips' },
      extras.map((text) => el('li', { text })),
    ),
  );
  return card;
}

function matches(push, target, filter) {
  if (filter === '') return true;
  const haystack = `${target} ${push.params.TemplateName ?? ''} ${push.title} ${push.text}`;
  return haystack.toLowerCase().includes(filter);
}

function renderInbox() {
  const filter = $('inbox-filter').value.trim().toLowerCase();
  const byTarget = $('inbox-group').value === 'target';
  const list = $('inbox-list');
  const groups = new Map();
  for (const push of state.pushes) {
    const targets = Object.entries(objectOf(push.params.TargetMsgkey) ?? {});
    for (const [target, msgKey] of targets) {
      if (!matches(push, target, filter)) continue;
      const key = byTarget ? target : push.requestId;
      const label = byTarget
        ? target
        : `${time(push.receivedAt)} · ${push.params.TemplateName ?? ''} · call ${push.requestId}`;
      const group = groups.get(key) ?? { label, cards: [] };
      group.cards.push(deviceCard(push, target, msgKey));
      groups.set(key, group);
    }
  }
  list.replaceChildren(
    ...(groups.size === 0
      ? [el('p', { class: 'muted', text: 'No pushes yet: send one from the composer.' })]
      : [...groups.values()].map((group) =>
          el('section', { class: 'group' }, el('h3', { text: group.label }), group.cards),
        )),
  );
}

function renderRefusals() {
  $('refusals-list').replaceChildren(
    ...state.refusals.map((refusal) => {
      const targets = Object.keys(objectOf(refusal.params.TargetMsgkey) ?? {}).join(', ');
      const request = [refusal.params.TemplateName, targets, refusal.requestId]
        .filter(Boolean)
        .join(' → ');
      return el(
        'tr',
        { class: 'refusal' },
        el('td', { text: time(refusal.receivedAt) }),
        el('td', { text: refusal.action || '—' }),
        el('td', {}, el('code', { text: refusal.code })),
        el('td', { text: refusal.message }),
        el('td', { text: request || '—' }),
      );
    }),
  );
}

function renderSchedules() {
  const zone = state.timeZone;
  // year-month-day hour:minute, 24-hour, in the functions' zone: the same in every browser
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  $('schedules-zone').textContent = `Firings in ${zone}`;
  const tasks = [...state.schedules].sort((a, b) => a.pushTime - b.pushTime);
  // fired by the emulator's clock, as QueryPushSchedulerList says
  const now = Date.parse(state.now);
  $('schedules-list').replaceChildren(
    ...tasks.map((task) =>
      el(
        'tr',
        {},
        el('td', { text: format.format(new Date(task.pushTime)) }),
        el('td', {}, el('code', { text: task.uniqueId })),
        el('td', { text: task.strategyType === 1 ? 'scheduled' : `loop ${task.parentId}` }),
        el('td', { text: task.pushContent }),
        el('td', {
          text: task.cancelled ? 'cancelled' : task.pushTime <= now ? 'fired' : 'pending',
        }),
      ),
    ),
  );
}

function renderFaults() {
  $('faults-list').replaceChildren(
    ...(state.faults.length === 0
      ? [el('li', { class: 'muted', text: 'none queued' })]
      : state.faults.map((fault) => {
          const { type, times, ...rest } = fault;
          return el('li', { text: `${type} ×${times} ${JSON.stringify(rest)}` });
        })),
  );
}

function renderTemplates() {
  $('templates-list').replaceChildren(
    ...state.templates.map((template) =>
      el(
        'li',
        {},
        el('code', { text: template.name }),
        `: ${template.title ? `${template.title} — ` : ''}${template.content}`,
      ),
    ),
  );
}

let asked = 0;
let drawn = 0;

/** Reads the state and draws it; an answer older than one already drawn is dropped. */
async function refresh() {
  const ticket = ++asked;
  const answer = await fetch('/_console/state', { cache: 'no-store' }).catch(() => undefined);
  if (!answer?.ok) {
    $('live').textContent = 'the emulator did not answer; retrying on the next change';
    return;
  }
  const next = await answer.json();
  if (ticket < drawn) return;
  drawn = ticket;
  state = next;
  renderInbox();
  renderRefusals();
  renderSchedules();
  renderFaults();
  renderTemplates();
}

let pending;
function refreshSoon() {
  clearTimeout(pending);
  pending = setTimeout(() => void refresh(), 50);
}

function listen() {
  const events = new EventSource('/_events');
  events.addEventListener('open', () => {
    $('live').textContent = 'live';
    // what changed while the feed was down is read again
    refreshSoon();
  });
  events.addEventListener('change', refreshSoon);
  events.addEventListener('error', () => {
    $('live').textContent = 'reconnecting…';
  });
}

// ---- faults -------------------------------------------------------------------------------

/** Adds a fault behind those queued (or, with none, empties the queue). */
async function queueFault(fault) {
  const times = Number($('fault-times').value) || 1;
  const faults = fault === undefined ? [] : [...state.faults, { ...fault, times }];
  const answer = await fetch('/_faults', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  $('fault-result').textContent = answer.ok ? '' : (await answer.json()).Message;
}

function wireFaults() {
  $('fault-throttle').addEventListener('click', () =>
    queueFault({ type: 'gateway', code: 'Throttling.User' }),
  );
  $('fault-flow').addEventListener('click', () =>
    queueFault({ type: 'result', resultCode: '8011', resultMessage: 'FLOW_CONTROL_ERROR' }),
  );
  $('fault-html').addEventListener('click', () => queueFault({ type: 'html', status: 502 }));
  $('fault-delay').addEventListener('click', () =>
    queueFault({ type: 'delay', ms: Number($('fault-delay-ms').value) || 0 }),
  );
  $('fault-drop').addEventListener('click', () => queueFault({ type: 'reset' }));
  $('fault-reset').addEventListener('click', () => queueFault(undefined));
}

// ---- templates ----------------------------------------------------------------------------

function wireTemplates() {
  $('template-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const title = $('template-title').value;
    const body = {
      name: $('template-name').value,
      content: $('template-content').value,
      ...(title === '' ? {} : { title }),
    };
    const answer = await fetch('/_templates', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await answer.json();
    $('template-result').textContent = answer.ok ? `Saved ${json.name}.` : json.Message;
  });
}

// ---- composer -----------------------------------------------------------------------------

/** A field's prefill as its control shows it: JSON for maps and lists, text otherwise. */
const shown = (value) =>
  value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);

/** What a field of the schema takes: a choice, a whole number, JSON, or text. */
function controlOf(schema) {
  const branches = schema.anyOf ?? [schema];
  const values = branches.flatMap((branch) => branch.enum ?? []);
  if (schema.enum || values.length > 0) {
    return { kind: 'choice', values: [...new Set((schema.enum ?? values).map(String))] };
  }
  if (branches.some((branch) => branch.type === 'integer')) return { kind: 'number' };
  if (branches.some((branch) => branch.type === 'object' || branch.type === 'array')) {
    return { kind: 'json' };
  }
  return { kind: 'text' };
}

function fieldRow(name, schema, required, example) {
  const control = controlOf(schema);
  const id = `field-${name}`;
  const errorId = `error-${name}`;
  const common = { id, name, 'aria-describedby': errorId, 'data-kind': control.kind };
  let input;
  if (control.kind === 'choice') {
    input = el(
      'select',
      common,
      el('option', { value: '', text: '—' }),
      control.values.map((value) => el('option', { value, text: value })),
    );
  } else if (control.kind === 'json') {
    input = el('textarea', { ...common, rows: 2, spellcheck: 'false' });
  } else {
    input = el('input', {
      ...common,
      type: 'text',
      inputmode: control.kind === 'number' ? 'numeric' : undefined,
    });
  }
  if (example[name] !== undefined) input.value = shown(example[name]);
  const label = el(
    'label',
    { for: id },
    name,
    required ? el('span', { class: 'req', text: ' *' }) : '',
  );
  const hint = el('p', { class: 'hint', text: schema.description ?? '' });
  const error = el('p', { class: 'field-error', id: errorId, role: 'alert' });
  return el('div', { class: 'field', 'data-field': name }, label, input, error, hint);
}

async function buildComposer() {
  const answer = await fetch('/_console/openapi.json').catch(() => undefined);
  if (!answer?.ok) {
    $('composer-note').textContent =
      'The composer needs the local gateway: run `npm start`, which starts it beside the emulator.';
    $('composer-send').disabled = true;
    return;
  }
  const document = await answer.json();
  const request = document.components.schemas.PushRequest;
  const required = new Set(request.required ?? []);
  // prefilled with the document's own example of the mPaaS docs' request
  const examples = document.paths['/pushes'].post.requestBody.content['application/json'].examples;
  const example = examples.docs?.value ?? {};
  $('composer-fields').replaceChildren(
    ...Object.entries(request.properties).map(([name, schema]) =>
      fieldRow(name, schema, required.has(name), example),
    ),
  );
}

function formBody() {
  const body = {};
  const local = [];
  for (const input of $('composer-fields').querySelectorAll('input, select, textarea')) {
    const value = input.value.trim();
    if (value === '') continue;
    if (input.dataset.kind === 'json') {
      try {
        body[input.name] = JSON.parse(value);
      } catch {
        local.push({ field: input.name, message: `${input.name}: must be JSON.` });
      }
    } else {
      body[input.name] = value;
    }
  }
  return { body, local };
}

function showErrors(errors) {
  for (const node of $('composer-fields').querySelectorAll('.field-error')) node.textContent = '';
  for (const node of $('composer-fields').querySelectorAll('[aria-invalid]')) {
    node.removeAttribute('aria-invalid');
  }
  for (const issue of errors) {
    const field = String(issue.field).split('.')[0];
    const error = $(`error-${field}`);
    if (!error) continue;
    error.textContent = error.textContent ? `${error.textContent} ${issue.message}` : issue.message;
    $(`field-${field}`)?.setAttribute('aria-invalid', 'true');
  }
}

/** An answer of the function as one line: a problem's code and detail, or a report's counts. */
function resultText(status, json) {
  if (json.code !== undefined) return `${status} ${json.code}: ${json.detail ?? ''}`;
  const summary = json.summary ?? {};
  const sent = summary.sent === undefined ? '' : `: ${summary.sent} of ${summary.targets} sent`;
  const refused = (json.targets ?? []).find((line) => line.code)?.code;
  return `${status} ${json.status ?? ''}${sent}${refused ? ` (${refused})` : ''}`;
}

function wireComposer() {
  $('composer-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const { body, local } = formBody();
    showErrors(local);
    if (local.length > 0) return;
    const dryRun = $('composer-dry-run').checked ? '?dryRun=true' : '';
    const answer = await fetch(`/_console/push${dryRun}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await answer.json().catch(() => ({}));
    showErrors(json.errors ?? []);
    $('composer-result').textContent = resultText(answer.status, json);
  });
}

$('inbox-filter').addEventListener('input', renderInbox);
$('inbox-group').addEventListener('change', renderInbox);
wireFaults();
wireTemplates();
wireComposer();
listen();
await Promise.all([refresh(), buildComposer()]);
