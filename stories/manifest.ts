/**
 * Storybook's view of custom-elements.json (generated from the elements' JSDoc, never written
 * twice): the controls of every element's stories, the API reference on its docs page and the
 * design tokens of the Theming page.
 *
 * - Controls exist only for what a designer can change from the outside and see change:
 *   attributes. An attribute whose type is a union of string literals (directly, or through a
 *   type alias such as `DunningLevel`) gets a select; `boolean` a checkbox; `number` a number
 *   field; any other string a text field. Objects (`adapter`), read-only state (`state`,
 *   `fields`), methods, events, slots, CSS parts and custom properties get none: they are in
 *   the reference table instead. Each event also gets an action (the Actions panel).
 * - The reference lists everything public: attributes, properties, methods, events, slots,
 *   CSS custom properties and CSS parts.
 */
import type { ArgTypes, InputType } from 'storybook/internal/types';

/** The parts of the custom-elements manifest schema read here. */
export interface ManifestType {
  text: string;
}
export interface ManifestItem {
  name: string;
  kind?: string;
  description?: string;
  summary?: string;
  type?: ManifestType;
  default?: string;
  attribute?: string;
  fieldName?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  reflects?: boolean;
  parameters?: { name: string; type?: ManifestType; optional?: boolean }[];
  return?: { type?: ManifestType };
}
export interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}
export interface Manifest {
  modules?: { path: string; declarations?: ManifestDeclaration[] }[];
}

/** Type alias name → its string literals, e.g. `{ DunningLevel: ['none', 'outstanding', …] }`. */
export type StringUnions = Readonly<Record<string, readonly string[]>>;

/** The table categories, in the order Storybook shows them (first seen, first shown). */
export const CATEGORY = {
  attributes: 'attributes',
  properties: 'properties',
  methods: 'methods',
  events: 'events',
  slots: 'slots',
  cssProperties: 'css custom properties',
  cssParts: 'css shadow parts',
} as const;

/** The custom element `tag` of `manifest`, if it declares one. */
export function elementDeclaration(manifest: Manifest, tag: string): ManifestDeclaration | undefined {
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName === tag) return declaration;
    }
  }
  return undefined;
}

/** Every custom element of `manifest`, in file order. */
export function elementDeclarations(manifest: Manifest): ManifestDeclaration[] {
  return (manifest.modules ?? []).flatMap((module) =>
    (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName),
  );
}

/** The members of a union type text, without `undefined` and `null`: `string | undefined` → `['string']`. */
function unionMembers(typeText: string | undefined): string[] {
  return (typeText ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
}

/** `'a' | 'b'` → `['a', 'b']`; anything that is not only string literals → undefined. */
function literalUnion(members: string[]): string[] | undefined {
  if (members.length < 2) return undefined;
  const values: string[] = [];
  for (const member of members) {
    const match = /^(['"])(.*)\1$/.exec(member);
    if (!match) return undefined;
    values.push(match[2]!);
  }
  return values;
}

/**
 * The string values a type text allows, when it is a finite set: a literal union, or an alias
 * (possibly `| undefined`) that `unions` resolves.
 */
export function enumValues(typeText: string | undefined, unions: StringUnions = {}): string[] | undefined {
  const members = unionMembers(typeText);
  const direct = literalUnion(members);
  if (direct) return direct;
  if (members.length === 0 || !members.every((name) => unions[name])) return undefined;
  return [...new Set(members.flatMap((name) => unions[name]!))];
}

/** `--billing-color-accent` default `LinkText` → a color? (Custom properties are untyped.) */
export function isColorToken(token: ManifestItem): boolean {
  if (/color|backdrop/.test(token.name)) return true;
  return Boolean(token.default && typeof CSS !== 'undefined' && CSS.supports('color', token.default));
}

/** `payment-method-submit` → `onPaymentMethodSubmit` (the arg a story binds to `@payment-method-submit`). */
export function actionArgName(eventName: string): string {
  return `on${eventName.replace(/(^|[-_:.\s]+)(.)/g, (_match, _separator: string, chr: string) => chr.toUpperCase())}`;
}

function describe(item: ManifestItem, extra?: string): string {
  return [item.summary, item.description, extra].filter(Boolean).join('\n\n');
}

function defaultSummary(item: ManifestItem) {
  return item.default === undefined ? undefined : { summary: item.default };
}

/** The input type of one attribute: its control follows its type. */
function attributeArgType(attribute: ManifestItem, unions: StringUnions, reference: boolean): InputType {
  const typeText = attribute.type?.text;
  const base = unionMembers(typeText).join(' | ');
  const options = enumValues(typeText, unions);
  const property = attribute.fieldName ? `Property: \`${attribute.fieldName}\`.` : undefined;
  const literals = options?.map((option) => `'${option}'`).join(' | ');
  const table = {
    category: CATEGORY.attributes,
    // An alias shows its name; its values unfold below it.
    type: { summary: typeText ?? 'string', detail: literals && literals !== base ? literals : undefined },
    defaultValue: defaultSummary(attribute),
  };
  const common = { name: attribute.name, description: describe(attribute, property), table };
  if (reference) return { ...common, control: false };
  if (options) return { ...common, type: { name: 'enum', value: options }, options, control: { type: 'select' } };
  if (base === 'boolean') return { ...common, type: { name: 'boolean' }, control: { type: 'boolean' } };
  if (base === 'number') return { ...common, type: { name: 'number' }, control: { type: 'number' } };
  if (base === 'string' || base === '') return { ...common, type: { name: 'string' }, control: { type: 'text' } };
  // An attribute of some other type (an object, a function) has no sensible editor.
  return { ...common, control: false };
}

function isPublic(member: ManifestItem): boolean {
  if (member.privacy === 'private' || member.privacy === 'protected') return false;
  return !member.name.startsWith('#') && !member.name.startsWith('_');
}

function methodSignature(method: ManifestItem): string {
  const parameters = (method.parameters ?? [])
    .map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`)
    .join(', ');
  return `${method.static ? 'static ' : ''}(${parameters}) => ${method.return?.type?.text ?? 'void'}`;
}

/**
 * The argTypes of the stories of `tag`: a control per attribute (see above) and an action per
 * event. Nothing else: what cannot be controlled is documented by `referenceArgTypes`.
 */
export function controlArgTypes(manifest: Manifest, tag: string, unions: StringUnions = {}): ArgTypes {
  const declaration = elementDeclaration(manifest, tag);
  if (!declaration) return {};
  const argTypes: ArgTypes = {};
  for (const attribute of declaration.attributes ?? []) {
    argTypes[attribute.name] = attributeArgType(attribute, unions, false);
  }
  for (const event of declaration.events ?? []) {
    const name = actionArgName(event.name);
    argTypes[name] = { name, action: event.name, table: { disable: true } } as InputType;
  }
  return argTypes;
}

/**
 * Every public piece of `tag`, for its docs page: attributes, properties (those without an
 * attribute; the attribute row names its property), methods, events, slots, CSS custom
 * properties and CSS parts. No controls: this is the reference, not a playground.
 */
export function referenceArgTypes(manifest: Manifest, tag: string, unions: StringUnions = {}): ArgTypes {
  const declaration = elementDeclaration(manifest, tag);
  if (!declaration) return {};
  const rows: ArgTypes = {};
  for (const attribute of declaration.attributes ?? []) {
    rows[`attribute:${attribute.name}`] = attributeArgType(attribute, unions, true);
  }
  const members = (declaration.members ?? []).filter(isPublic);
  for (const member of members.filter((m) => m.kind === 'field' && m.attribute === undefined)) {
    const notes = [member.static && 'Static.', member.readonly && 'Read-only.'].filter(Boolean).join(' ');
    rows[`property:${member.name}`] = {
      name: member.name,
      description: describe(member, notes || undefined),
      control: false,
      table: {
        category: CATEGORY.properties,
        type: { summary: member.type?.text ?? 'unknown' },
        defaultValue: defaultSummary(member),
      },
    };
  }
  for (const method of members.filter((m) => m.kind === 'method')) {
    rows[`method:${method.name}`] = {
      name: `${method.name}()`,
      description: describe(method),
      control: false,
      table: { category: CATEGORY.methods, type: { summary: methodSignature(method) } },
    };
  }
  for (const event of declaration.events ?? []) {
    rows[`event:${event.name}`] = {
      name: event.name,
      description: describe(event),
      control: false,
      table: { category: CATEGORY.events, type: { summary: event.type?.text ?? 'Event' } },
    };
  }
  for (const slot of declaration.slots ?? []) {
    const name = slot.name || '(default)';
    rows[`slot:${name}`] = {
      name,
      description: describe(slot),
      control: false,
      table: { category: CATEGORY.slots, type: { summary: slot.name ? `slot="${slot.name}"` : 'children' } },
    };
  }
  for (const token of declaration.cssProperties ?? []) {
    rows[`token:${token.name}`] = {
      name: token.name,
      description: describe(token),
      control: false,
      table: {
        category: CATEGORY.cssProperties,
        type: { summary: isColorToken(token) ? '<color>' : 'CSS value' },
        defaultValue: defaultSummary(token),
      },
    };
  }
  for (const part of declaration.cssParts ?? []) {
    rows[`part:${part.name}`] = {
      name: part.name,
      description: describe(part),
      control: false,
      table: { category: CATEGORY.cssParts, type: { summary: `${tag}::part(${part.name})` } },
    };
  }
  return rows;
}

/** One design token (`--billing-*` custom property) and the elements that read it. */
export interface ThemeToken {
  name: string;
  description: string;
  default?: string;
  color: boolean;
  elements: string[];
}

/**
 * The design tokens every element documents, merged by name (first description and default
 * win; every element reading the token is listed), sorted by name.
 */
export function themeTokens(manifest: Manifest): ThemeToken[] {
  const tokens = new Map<string, ThemeToken>();
  for (const declaration of elementDeclarations(manifest)) {
    for (const property of declaration.cssProperties ?? []) {
      if (!property.name.startsWith('--billing-')) continue;
      const known = tokens.get(property.name);
      if (known) {
        if (!known.elements.includes(declaration.tagName!)) known.elements.push(declaration.tagName!);
        known.default ??= property.default;
        if (!known.description && property.description) known.description = property.description;
      } else {
        tokens.set(property.name, {
          name: property.name,
          description: property.description ?? '',
          default: property.default,
          color: isColorToken(property),
          elements: [declaration.tagName!],
        });
      }
    }
  }
  return [...tokens.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
