#!/usr/bin/env node
// The manifest is the truth: fails when a `part`, `--billing-*` custom property, custom state,
// slot or event that an element's code uses is missing from its entry in custom-elements.json,
// when the manifest lists one the code never uses, or when an element documents one part name
// twice (a part name means one thing). Prints `N passed, N failed` (one check per element and
// kind) and exits 1 on any failure.
//
// What "the element's code" is: the files of its folder (src/components/<tag>/, tests and the
// harness aside), the src/internal/ modules they import, the shared styles, and of the shared
// base class (billing-consumer.ts) the methods the element calls, and of the shared states
// (shared-states.ts) the functions it calls. Events are the
// `new XEvent(…)` the code creates, named by the event class's constant in src/events/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));

/** Event class name → event name, from src/events/*.ts (`export const X = 'name'` + `super(X`). */
const eventNames = new Map();
for (const file of readdirSync(join(root, 'src/events'))) {
  if (!file.endsWith('.ts') || file === 'index.ts') continue;
  const text = read(`src/events/${file}`);
  const constants = Object.fromEntries([...text.matchAll(/export const (\w+) = '([a-z-]+)'/g)].map((m) => [m[1], m[2]]));
  for (const m of text.matchAll(/export class (\w+Event) extends Event[\s\S]*?super\((\w+)/g)) eventNames.set(m[1], constants[m[2]]);
}

const CONSUMER = 'src/internal/billing-consumer.ts';
const isSource = (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.harness.ts');

const SHARED_STATES = 'src/internal/shared-states.ts';

/** The top-level functions of a module, each with its text. */
function functionsOf(path) {
  const text = read(path);
  const starts = [...text.matchAll(/^(?:export )?function (\w+)\(/gm)];
  return starts.map((m, i) => ({ name: m[1], text: text.slice(m.index, starts[i + 1]?.index ?? text.length) }));
}

/** The methods of the shared base, each with its text. */
function consumerMethods() {
  const text = read(CONSUMER);
  const starts = [...text.matchAll(/^ {2}(?:protected |private |public )?(?:get |async )?(#?\w+)\(/gm)];
  return starts.map((m, i) => ({ name: m[1], text: text.slice(m.index, starts[i + 1]?.index ?? text.length) }));
}

/** Texts that make up the element: its folder, the internal modules they import, the base methods it calls. */
function sourcesOf(tag, consumer) {
  const folder = `src/components/${tag}`;
  const texts = readdirSync(join(root, folder)).filter(isSource).map((file) => read(`${folder}/${file}`));
  const seen = new Set();
  for (let i = 0; i < texts.length; i++) {
    for (const m of texts[i].matchAll(/from '((?:\.\.\/)+internal\/[\w.-]+)\.js'/g)) {
      const path = `src/internal/${m[1].split('/').at(-1)}.ts`;
      if (path === CONSUMER || seen.has(path)) continue;
      seen.add(path);
      // Of the shared states, only the functions the element calls (each renders its own parts).
      if (path === SHARED_STATES) texts.push(...functionsOf(path).filter((f) => texts.some((t) => t.includes(`${f.name}(`))).map((f) => f.text));
      else texts.push(read(path));
    }
  }
  if (consumer) {
    const own = texts.join('\n');
    for (const method of consumerMethods()) {
      if (own.includes(`this.${method.name}(`)) texts.push(method.text);
    }
    texts.push(read('src/internal/shared.styles.ts'));
  }
  return texts;
}

/** What the code uses, by kind. */
function usedIn(texts) {
  const used = { parts: new Set(), cssProperties: new Set(), cssStates: new Set(), slots: new Set(), events: new Set() };
  for (const text of texts) {
    for (const m of text.matchAll(/\bpart="([^"]+)"/g)) for (const name of m[1].split(/\s+/)) if (name && !name.includes('$')) used.parts.add(name);
    for (const m of text.matchAll(/var\((--billing-[a-z0-9-]+)/g)) used.cssProperties.add(m[1]);
    for (const m of text.matchAll(/states\.add\('([a-z-]+)'\)|:state\(([a-z-]+)\)/g)) used.cssStates.add(m[1] ?? m[2]);
    for (const m of text.matchAll(/<slot(?:\s+name="([^"]*)")?[\s>]/g)) used.slots.add(m[1] ?? '');
    for (const m of text.matchAll(/\bnew (\w+Event)\(/g)) {
      const name = eventNames.get(m[1]);
      if (name) used.events.add(name);
    }
  }
  return used;
}

const KINDS = [
  ['parts', 'cssParts', '@csspart'],
  ['cssProperties', 'cssProperties', '@cssprop'],
  ['cssStates', 'cssStates', '@cssstate'],
  ['slots', 'slots', '@slot'],
  ['events', 'events', '@fires'],
];

let passed = 0;
let failed = 0;
const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).filter((d) => d.tagName));
if (elements.length !== 5) {
  console.error(`expected the five elements in custom-elements.json, found ${elements.map((d) => d.tagName).join(', ')}`);
  failed++;
}
for (const element of elements) {
  const consumer = element.superclass?.name === 'BillingConsumerElement';
  const used = usedIn(sourcesOf(element.tagName, consumer));
  for (const [kind, key, tag] of KINDS) {
    const listed = (element[key] ?? []).map((entry) => entry.name ?? '');
    const problems = [];
    for (const name of used[kind]) if (!listed.includes(name)) problems.push(`uses ${kind === 'slots' && name === '' ? 'the default slot' : name} but the manifest does not list it (document it with ${tag})`);
    for (const name of new Set(listed)) if (!used[kind].has(name)) problems.push(`lists ${name || 'the default slot'} but its code never uses it`);
    const twice = listed.filter((name, i) => listed.indexOf(name) !== i);
    for (const name of new Set(twice)) problems.push(`documents ${name} more than once: a name means one thing`);
    if (problems.length === 0) {
      passed++;
      console.log(`ok   <${element.tagName}> ${kind} (${listed.length})`);
    } else {
      failed++;
      for (const problem of problems) console.error(`FAIL <${element.tagName}> ${kind}: ${problem}`);
    }
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
