import type { Args, Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/suspension-modal.js';
import { clearBillingDrafts, findPart, storyNote, textInLanguage, withBilling, type BillingStoryParameters } from './story-helpers.js';

function modal(args: Args, parameters: Record<string, unknown>) {
  return withBilling(
    html`<p><bdi lang="en">The rest of the host page: inert while the dialog is open.</bdi></p>
      <button type="button">A button on the page behind the dialog</button>
      <suspension-modal
        update-href=${ifDefined(args['update-href'] || undefined)}
        support-email=${ifDefined(args['support-email'] || undefined)}
        terms-href=${ifDefined(args['terms-href'] || undefined)}
        @billing-update-request=${args['onBillingUpdateRequest']}
      ></suspension-modal>`,
    parameters['billing'] as BillingStoryParameters | undefined,
  );
}

/**
 * `<suspension-modal>`: a native modal dialog while the account is suspended, inside a
 * `<billing-provider>` on 2025-06-15. It states what is owed and offers one action, Update:
 * for a viewer who may manage billing, Update puts the card form (a `<billing-form>` in the
 * modal's own light DOM, slotted into the dialog) in its place and focuses the first field;
 * others get the no-permission message.
 */
const meta: Meta = {
  title: 'Elements/suspension-modal',
  component: 'suspension-modal',
  args: {
    'update-href': '#update-card',
    'support-email': 'billing@example.com',
    'terms-href': '#terms-3-7',
  },
  argTypes: {
    // Reflected by the element from the provider's state; setting it does nothing, so no control
    // (the docs page's API table still documents it).
    open: { table: { disable: true } },
  },
  parameters: {
    layout: 'padded',
    // A modal dialog takes over the page: in docs, show each story in its own frame.
    docs: { story: { inline: false, iframeHeight: 560 } },
  },
  // The form inside keeps a draft of what was typed per account; start every story from nothing.
  beforeEach: () => clearBillingDrafts(),
  render: (args, { parameters }) => modal(args, parameters),
};
export default meta;

type Story = StoryObj;

/** The oldest invoice is 50 days past due (≥ 45 days: suspended by the dunning rule alone). */
export const Suspended50Days: Story = {
  name: 'Suspended, 50 days past due',
  parameters: { billing: { scenario: 'suspended-50', options: { account: { suspended: false } } } },
};

/** Update was pressed: the card form takes the button's place in the dialog, focus on its first field. */
export const AfterUpdate: Story = {
  name: 'After Update: the card form',
  parameters: { billing: { scenario: 'suspended-50', options: { account: { suspended: false } } } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findPart(canvasElement, 'suspension-modal', 'action'));
    const form = canvasElement.querySelector('suspension-modal > billing-form')!;
    await waitFor(() => expect(form.shadowRoot?.activeElement?.id).toBe('mailing-firstName'), { timeout: 60000 });
  },
};

/** Update, then Submit Payment Information pressed before anything was typed: the form's error summary, focused. */
export const AfterUpdateErrorSummary: Story = {
  name: 'After Update, submitted too early',
  parameters: { billing: { scenario: 'suspended-50', options: { account: { suspended: false } } } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findPart(canvasElement, 'suspension-modal', 'action'));
    await userEvent.click(await findPart(canvasElement, 'billing-form', 'submit'));
    const summary = await findPart(canvasElement, 'billing-form', 'error-summary');
    await waitFor(() => expect((summary.getRootNode() as ShadowRoot).activeElement).toBe(summary));
  },
};

/** The account carries `suspended: true` while its only unpaid invoice is 5 days past due. */
export const SuspendedByAccountFlag: Story = {
  name: 'Suspended by the account flag',
  parameters: { billing: { scenario: 'outstanding-5', options: { account: { suspended: true } } } },
};

/** The account flag with nothing owed: the dialog only says access returns once payment is received. */
export const SuspendedByFlagNothingOwed: Story = {
  name: 'Suspended by the account flag, nothing owed',
  parameters: { billing: { scenario: 'all-paid', options: { account: { suspended: true } } } },
};

/** A viewer without the billing role pressed Update: no event, no navigation, the no-permission text. */
export const NoPermission: Story = {
  name: 'No permission, after Update',
  parameters: { billing: { scenario: 'suspended-50', options: { viewer: { canManageBilling: false } } } },
  play: async ({ canvasElement, globals }) => {
    await userEvent.click(await findPart(canvasElement, 'suspension-modal', 'action'));
    const message = await findPart(canvasElement, 'suspension-modal', 'no-permission');
    await expect(message.textContent?.trim()).toBe(textInLanguage(globals, 'billing.noPermission', "You don't have permission to see payment information"));
  },
};

/** Not suspended (one invoice 5 days past due): the dialog stays closed and the page is usable. */
export const NotSuspended: Story = {
  name: 'Not suspended (closed)',
  parameters: { billing: { scenario: 'outstanding-5' } },
  render: (args, { parameters }) =>
    html`${modal(args, parameters)}${storyNote(
      'Not suspended (one invoice 5 days past due): the dialog stays closed and the page stays usable (this note is not part of the element).',
    )}`,
};

/** Without a `<billing-provider>` around it, the element shows a message for the developer. */
export const OutsideProvider: Story = {
  name: 'Outside a provider',
  parameters: { billing: { provider: false } },
};
