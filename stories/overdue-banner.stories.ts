import type { Args, Meta, StoryContext, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import '../src/overdue-banner.js';
import type { ScenarioName } from '../src/adapters/scenarios.js';
import type { DunningLevel } from '../src/domain/dunning.js';
import { findPart, invoiceDue, scenarioInvoices, storyNote, textInLanguage, withBilling, type BillingStoryParameters } from './story-helpers.js';

/** The account each level's control choice loads. */
const LEVEL_SCENARIO: Record<DunningLevel, ScenarioName> = {
  none: 'all-paid',
  outstanding: 'outstanding-5',
  overdue: 'overdue-35',
  suspended: 'suspended-50',
};

/**
 * The story's account, or, once the `level` control was changed, an account at that level:
 * the element sets `level` itself from the provider's state, so the control picks the data.
 */
function billingFor(args: Args, { parameters, initialArgs }: Pick<StoryContext, 'parameters' | 'initialArgs'>) {
  const level = args['level'] as DunningLevel | undefined;
  if (level && level !== initialArgs['level'] && LEVEL_SCENARIO[level]) return { scenario: LEVEL_SCENARIO[level] };
  return parameters['billing'] as BillingStoryParameters | undefined;
}

function banner(args: Args, context: Pick<StoryContext, 'parameters' | 'initialArgs'>) {
  return withBilling(
    html`<overdue-banner
      update-href=${ifDefined(args['update-href'] || undefined)}
      support-email=${ifDefined(args['support-email'] || undefined)}
      @billing-update-request=${args['onBillingUpdateRequest']}
    ></overdue-banner>`,
    billingFor(args, context),
  );
}

/**
 * `<overdue-banner>` at every dunning level, inside a `<billing-provider>` on 2025-06-15.
 * Controls come from custom-elements.json.
 */
const meta: Meta = {
  title: 'Elements/overdue-banner',
  component: 'overdue-banner',
  args: {
    level: 'none',
    'update-href': '#update-card',
    'support-email': 'billing@example.com',
  },
  argTypes: {
    level: {
      description:
        "The dunning level, reflected for host styling; the element sets it from the provider's state. Here, choosing a level loads an account at that level.",
    },
  },
  render: (args, context) => banner(args, context),
};
export default meta;

type Story = StoryObj;

/** Level `outstanding`: one invoice 5 days past due. */
export const Outstanding: Story = {
  args: { level: 'outstanding' },
  parameters: { billing: { scenario: 'outstanding-5' } },
};

/** Level `outstanding` with three invoices past due, the oldest 26 days. */
export const OutstandingSeveral: Story = {
  name: 'Outstanding, several invoices',
  args: { level: 'outstanding' },
  parameters: {
    billing: {
      scenario: 'outstanding-5',
      options: {
        invoices: [
          invoiceDue(5, 104_500),
          invoiceDue(12, 98_000, 40_000),
          invoiceDue(26, 112_250),
          ...scenarioInvoices('all-paid').slice(2),
        ],
      },
    },
  },
};

/** Level `overdue`: the oldest outstanding invoice is 35 days past due (10 days before suspension). */
export const Overdue: Story = {
  args: { level: 'overdue' },
  parameters: { billing: { scenario: 'overdue-35' } },
};

/** Level `suspended` as the banner shows it (the suspension modal normally covers the page). */
export const Suspended: Story = {
  args: { level: 'suspended' },
  parameters: { billing: { scenario: 'suspended-50' } },
};

/** Level `none`: every invoice is paid, so the banner renders nothing at all (by design). */
export const None: Story = {
  parameters: {
    billing: { scenario: 'all-paid' },
    docs: { description: { story: 'Level `none`: every invoice is paid. The banner renders nothing.' } },
  },
  render: (args, context) =>
    html`${banner(args, context)}${storyNote(
      'Level "none": every invoice is paid, so <overdue-banner> renders nothing (this note is not part of it).',
    )}`,
};

/** A viewer without the billing role pressed Update: no event, no navigation, the no-permission text. */
export const NoPermissionAfterUpdate: Story = {
  name: 'No permission, after Update',
  args: { level: 'outstanding' },
  parameters: { billing: { scenario: 'no-permission' } },
  play: async ({ canvasElement, globals }) => {
    await userEvent.click(await findPart(canvasElement, 'overdue-banner', 'action'));
    const message = await findPart(canvasElement, 'overdue-banner', 'no-permission');
    await expect(message.textContent?.trim()).toBe(textInLanguage(globals, 'billing.noPermission', "You don't have permission to see payment information"));
  },
};

/** Without a `<billing-provider>` around it, the element shows a message for the developer. */
export const OutsideProvider: Story = {
  name: 'Outside a provider',
  // No provider, no state: nothing for a level to choose.
  argTypes: { level: { table: { disable: true } } },
  parameters: { billing: { provider: false } },
};
