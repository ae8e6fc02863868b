import type { Args, Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent } from 'storybook/test';
import '../src/overdue-banner.js';
import { findPart, invoiceDue, scenarioInvoices, storyNote, withBilling, type BillingStoryParameters } from './story-helpers.js';

function banner(args: Args, parameters: Record<string, unknown>) {
  return withBilling(
    html`<overdue-banner
      update-href=${ifDefined(args['update-href'] || undefined)}
      support-email=${ifDefined(args['support-email'] || undefined)}
      @billing-update-request=${args['onBillingUpdateRequest']}
    ></overdue-banner>`,
    parameters['billing'] as BillingStoryParameters | undefined,
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
    'update-href': '#update-card',
    'support-email': 'billing@example.com',
  },
  argTypes: {
    // Reflected by the element from the provider's state; setting it does nothing.
    level: { control: false },
  },
  render: (args, { parameters }) => banner(args, parameters),
};
export default meta;

type Story = StoryObj;

/** Level `none`: every invoice is paid, so the banner renders nothing at all (by design). */
export const None: Story = {
  parameters: {
    billing: { scenario: 'all-paid' },
    docs: { description: { story: 'Level `none`: every invoice is paid. The banner renders nothing.' } },
  },
  render: (args, { parameters }) =>
    html`${banner(args, parameters)}${storyNote(
      'Level "none": every invoice is paid, so <overdue-banner> renders nothing (this note is not part of it).',
    )}`,
};

/** Level `outstanding`: one invoice 5 days past due. */
export const Outstanding: Story = {
  parameters: { billing: { scenario: 'outstanding-5' } },
};

/** Level `outstanding` with three invoices past due, the oldest 26 days. */
export const OutstandingSeveral: Story = {
  name: 'Outstanding, several invoices',
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
  parameters: { billing: { scenario: 'overdue-35' } },
};

/** Level `suspended` as the banner shows it (the suspension modal normally covers the page). */
export const Suspended: Story = {
  parameters: { billing: { scenario: 'suspended-50' } },
};

/** A viewer without the billing role pressed Update: no event, no navigation, the no-permission text. */
export const NoPermissionAfterUpdate: Story = {
  name: 'No permission, after Update',
  parameters: { billing: { scenario: 'no-permission' } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findPart(canvasElement, 'overdue-banner', 'action'));
    const message = await findPart(canvasElement, 'overdue-banner', 'no-permission');
    await expect(message.textContent?.trim()).toBe("You don't have permission to see payment information");
  },
};

/** Without a `<billing-provider>` around it, the element shows a message for the developer. */
export const OutsideProvider: Story = {
  name: 'Outside a provider',
  parameters: { billing: { provider: false } },
};
