import type { Args, Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/invoice-history.js';
import type { MemoryBillingAdapter } from '../src/adapters/memory-adapter.js';
import { downloadsHang, findPart, FOREVER_MS, textInLanguage, withBilling, type BillingStoryParameters } from './story-helpers.js';

function history(args: Args, parameters: Record<string, unknown>) {
  return withBilling(
    html`<invoice-history
      @invoice-download=${args['onInvoiceDownload']}
      @billing-error=${args['onBillingError']}
    ></invoice-history>`,
    parameters['billing'] as BillingStoryParameters | undefined,
  );
}

/**
 * `<invoice-history>`: the 12 most recent invoices since 2022, newest first, with Download
 * Invoice per row, inside a `<billing-provider>` on 2025-06-15.
 */
const meta: Meta = {
  title: 'Elements/invoice-history',
  component: 'invoice-history',
  render: (args, { parameters }) => history(args, parameters),
};
export default meta;

type Story = StoryObj;

/** Six monthly invoices, all paid. */
export const FullTable: Story = {
  name: 'Full table',
  parameters: { billing: { scenario: 'all-paid' } },
};

/** Every status: Open (35 days past due), Partially Paid, Paid in Full. */
export const MixedStatuses: Story = {
  name: 'Open, partially paid and paid',
  parameters: { billing: { scenario: 'overdue-35' } },
};

/** 15 invoices, two of them from 2021: the 12 most recent are listed, with the note about older ones. */
export const ManyInvoices: Story = {
  name: 'Many invoices (12 listed, older note)',
  parameters: { billing: { scenario: 'many-invoices' } },
};

/** A new account without invoices. */
export const Empty: Story = {
  parameters: { billing: { scenario: 'empty' } },
};

/** The provider is still loading (the adapter never answers). */
export const Loading: Story = {
  parameters: { billing: { scenario: 'all-paid', options: { latencyMs: FOREVER_MS } } },
};

/** The billing service fails (`server`): an error with Try again (which fails again here). */
export const LoadError: Story = {
  name: 'Load error',
  parameters: { billing: { scenario: 'all-paid', options: { fail: 'server' } } },
};

/** The service answers with data that fails validation: the same error state, never a half-drawn table. */
export const MalformedData: Story = {
  name: 'Malformed data',
  parameters: { billing: { scenario: 'all-paid', options: { fail: 'malformed' } } },
};

/** A viewer without the billing role sees only the no-permission text, no invoice data. */
export const NoPermission: Story = {
  name: 'No permission',
  parameters: { billing: { scenario: 'no-permission' } },
};

/** Download Invoice was pressed and the PDF is on its way. */
export const Downloading: Story = {
  parameters: { billing: { scenario: 'all-paid', setup: downloadsHang } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findPart(canvasElement, 'invoice-history', 'download'));
    const button = await findPart(canvasElement, 'invoice-history', 'download');
    await expect(button.getAttribute('aria-disabled')).toBe('true');
  },
};

/** The first download failed: the row says so and the button stays usable for a retry. */
export const DownloadFailed: Story = {
  name: 'Download failed',
  parameters: {
    billing: {
      scenario: 'all-paid',
      setup: (adapter: MemoryBillingAdapter) => adapter.failNext('download', 'server'),
    },
  },
  play: async ({ canvasElement, globals }) => {
    await userEvent.click(await findPart(canvasElement, 'invoice-history', 'download'));
    const table = await findPart(canvasElement, 'invoice-history', 'table');
    const failed = textInLanguage(globals, 'billing.invoice.downloadFailed', "The invoice couldn't be downloaded. Try again.");
    await waitFor(() => expect(table.querySelector('[role="alert"]')?.textContent).toContain(failed));
  },
};

/** Without a `<billing-provider>` around it, the element shows a message for the developer. */
export const OutsideProvider: Story = {
  name: 'Outside a provider',
  parameters: { billing: { provider: false } },
};
