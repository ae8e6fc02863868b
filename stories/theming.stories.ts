import type { Args, ArgTypes, Meta, StoryContext, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/billing-form.js';
import '../src/billing-provider.js';
import '../src/invoice-history.js';
import '../src/overdue-banner.js';
import '../src/suspension-modal.js';
import manifest from '../custom-elements.json';
import type { BillingAdapter } from '../src/adapters/adapter.js';
import { themeTokens, type Manifest } from './manifest.js';
import { clearBillingDrafts, storyAdapter } from './story-helpers.js';

/** The design tokens, read from custom-elements.json (each element's `@cssprop`s). */
const tokens = themeTokens(manifest as Manifest);

/** A few colors to try next to the system-color defaults. */
const PRESET_COLORS = ['#0b57d0', '#6750a4', '#00639b', '#137333', '#b06000', '#c5221f', '#1f1f1f', '#f8fafd'];

const argTypes: ArgTypes = Object.fromEntries(
  tokens.map((token) => [
    token.name,
    {
      name: token.name,
      description: `${token.description}\n\nRead by ${token.elements.map((tag) => `\`<${tag}>\``).join(', ')}.`,
      type: { name: 'string' },
      control: token.color ? { type: 'color', presetColors: PRESET_COLORS } : { type: 'text' },
      table: {
        category: 'design tokens',
        type: { summary: token.color ? '<color>' : 'CSS value' },
        defaultValue: token.default === undefined ? undefined : { summary: token.default },
      },
    },
  ]),
);

/** The tokens a designer set (empty controls leave the elements' defaults). */
function tokenStyles(args: Args): Record<string, string> {
  const styles: Record<string, string> = {};
  for (const token of tokens) {
    const value = args[token.name];
    if (typeof value === 'string' && value.trim()) styles[token.name] = value.trim();
  }
  return styles;
}

/**
 * One adapter per shown story, kept while only the tokens change, so restyling never reloads
 * the elements or loses what was typed into the form.
 */
const adapters = new WeakMap<HTMLElement, Map<string, BillingAdapter>>();
function adapterFor(context: StoryContext, key: string, create: () => BillingAdapter): BillingAdapter {
  let byKey = adapters.get(context.canvasElement);
  if (!byKey) adapters.set(context.canvasElement, (byKey = new Map()));
  const id = `${context.id}:${key}`;
  let adapter = byKey.get(id);
  if (!adapter) byKey.set(id, (adapter = create()));
  return adapter;
}

/**
 * Every element themes through `--billing-*` custom properties (they inherit into the shadow
 * roots) and `::part()`s. Set a token on any ancestor, here the page around the elements:
 *
 * ```css
 * .billing-page {
 *   --billing-color-accent: #0b57d0;
 *   --billing-radius: 12px;
 * }
 * ```
 *
 * Change a token below: every element on the page restyles at once. An empty control leaves the
 * default, which follows the host page's `color-scheme` (system colors; switch it with the
 * Scheme toolbar button). The list of tokens is read from custom-elements.json. The suspension
 * modal covers its page, so it has a story of its own below (open it from the sidebar to theme it
 * with the same controls).
 */
const meta: Meta = {
  title: 'Theming',
  argTypes,
  parameters: {
    layout: 'padded',
    controls: { sort: 'alpha' },
  },
  beforeEach: () => clearBillingDrafts(),
};
export default meta;

type Story = StoryObj;

/** An overdue account and one with a first outstanding invoice: both banners, the form and the invoice table. */
export const AllElements: Story = {
  name: 'Every element',
  render: (args, context) => {
    const overdue = adapterFor(context, 'overdue', () => storyAdapter({ scenario: 'overdue-35' }));
    const outstanding = adapterFor(context, 'outstanding', () => storyAdapter({ scenario: 'outstanding-5' }));
    return html`<main class="story-page" data-theming style=${styleMap(tokenStyles(args))}>
      <h1>Billing</h1>
      <billing-provider .adapter=${outstanding}>
        <overdue-banner update-href="#update-card" support-email="billing@example.com"></overdue-banner>
      </billing-provider>
      <billing-provider .adapter=${overdue}>
        <overdue-banner update-href="#update-card" support-email="billing@example.com"></overdue-banner>
        <billing-form terms-href="#terms-3-7" expanded></billing-form>
        <invoice-history></invoice-history>
      </billing-provider>
    </main>`;
  },
};

/** The suspension modal over a page (its backdrop and surface tokens); the card form inside it follows the same tokens. */
export const SuspensionModal: Story = {
  name: 'Suspension modal',
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
  render: (args, context) => {
    const suspended = adapterFor(context, 'suspended', () => storyAdapter({ scenario: 'suspended-50' }));
    return html`<main class="story-page" data-theming style=${styleMap(tokenStyles(args))}>
      <h1>Billing</h1>
      <p><bdi lang="en">The rest of the host page: inert while the account is suspended.</bdi></p>
      <billing-provider .adapter=${suspended}>
        <suspension-modal update-href="#update-card" support-email="billing@example.com" terms-href="#terms-3-7"></suspension-modal>
      </billing-provider>
    </main>`;
  },
};
