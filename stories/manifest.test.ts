// What a designer finds in Storybook's controls and docs tables, from the real custom-elements.json.
// Run: npx web-test-runner "stories/**/*.test.ts"
import { expect } from '@open-wc/testing';
import { actionArgName, controlArgTypes, enumValues, referenceArgTypes, themeTokens, type Manifest } from './manifest.js';

let cem: Manifest;
/** What .storybook/string-unions.ts reads from src/domain/dunning.ts. */
const unions = { DunningLevel: ['none', 'outstanding', 'overdue', 'suspended'] };
const TAGS = ['billing-provider', 'billing-form', 'invoice-history', 'overdue-banner', 'suspension-modal'];

/** The argTypes a designer can edit (a control that is not `false`, a row that is shown). */
function editable(argTypes: ReturnType<typeof controlArgTypes>): string[] {
  return Object.entries(argTypes)
    .filter(([, argType]) => argType.control && !argType.table?.disable)
    .map(([key]) => key)
    .sort();
}

describe('Storybook argTypes from custom-elements.json', () => {
  before(async () => {
    // The test runner serves the repository; a JSON import would need a plugin it doesn't have.
    cem = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  });

  it('gives the banner level a select of the four dunning levels', () => {
    const level = controlArgTypes(cem, 'overdue-banner', unions)['level']!;
    expect(level.control).to.deep.equal({ type: 'select' });
    expect(level.options).to.deep.equal(['none', 'outstanding', 'overdue', 'suspended']);
    expect(level.table?.type?.summary).to.equal('DunningLevel');
    expect(level.table?.type?.detail).to.equal("'none' | 'outstanding' | 'overdue' | 'suspended'");
  });

  it('offers controls for attributes only: text, checkbox or number by type', () => {
    const form = controlArgTypes(cem, 'billing-form', unions);
    expect(editable(form)).to.deep.equal(['expanded', 'submit-timeout', 'terms-href']);
    expect(form['expanded']!.control).to.deep.equal({ type: 'boolean' });
    expect(form['submit-timeout']!.control).to.deep.equal({ type: 'number' });
    expect(form['terms-href']!.control).to.deep.equal({ type: 'text' });

    const provider = controlArgTypes(cem, 'billing-provider', unions);
    expect(editable(provider)).to.deep.equal(['load-timeout', 'locale', 'refresh-interval']);
    expect(provider['refresh-interval']!.control).to.deep.equal({ type: 'number' });
    expect(provider['load-timeout']!.control).to.deep.equal({ type: 'number' });
    // The adapter (an object) and the read-only state have no editor.
    expect(provider).not.to.have.any.keys('adapter', 'state', 'refresh');
  });

  it('has no control for a CSS part, custom property, slot, method or read-only property of any element', () => {
    for (const tag of TAGS) {
      const declaration = cem.modules!.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!;
      const attributes = (declaration.attributes ?? []).map((a) => a.name).sort();
      expect(editable(controlArgTypes(cem, tag, unions)), tag).to.deep.equal(attributes);
    }
  });

  it('turns every event into an action named as the stories bind it', () => {
    const form = controlArgTypes(cem, 'billing-form', unions);
    expect(form['onPaymentMethodSubmit']).to.include({ action: 'payment-method-submit' });
    expect(form['onPaymentMethodUpdated']).to.include({ action: 'payment-method-updated' });
    expect(form['onBillingError']).to.include({ action: 'billing-error' });
    expect(actionArgName('billing-update-request')).to.equal('onBillingUpdateRequest');
  });

  it('documents everything public on the docs page, without controls', () => {
    const rows = referenceArgTypes(cem, 'billing-form', unions);
    const byCategory = (category: string) =>
      Object.values(rows)
        .filter((row) => row.table?.category === category)
        .map((row) => row.name);
    expect(byCategory('attributes')).to.deep.equal(['terms-href', 'expanded', 'submit-timeout']);
    expect(byCategory('properties')).to.deep.equal(['fields']);
    expect(byCategory('methods')).to.deep.equal(['preload()', 'reset()']);
    expect(byCategory('events')).to.deep.equal(['payment-method-submit', 'payment-method-updated', 'billing-error']);
    expect(byCategory('slots')).to.deep.equal(['card-fields']);
    expect(byCategory('css custom properties')).to.include('--billing-color-accent');
    expect(byCategory('css shadow parts')).to.include.members(['form', 'submit', 'error']);
    expect(Object.values(rows).every((row) => row.control === false)).to.equal(true);
    expect(rows['part:submit']!.table?.type?.summary).to.equal('billing-form::part(submit)');
    // Private and protected members (the shared base class's) stay out.
    expect(Object.values(rows).map((row) => row.name)).not.to.include.members(['billing', 'fireError()', '_values']);
  });

  it('resolves only finite sets of strings', () => {
    expect(enumValues("'a' | 'b' | undefined")).to.deep.equal(['a', 'b']);
    expect(enumValues('DunningLevel | undefined', unions)).to.deep.equal(unions.DunningLevel);
    expect(enumValues('string | undefined', unions)).to.equal(undefined);
    expect(enumValues('Unknown', unions)).to.equal(undefined);
  });

  it('lists each design token once, with its default and the elements reading it', () => {
    const tokens = themeTokens(cem);
    const names = tokens.map((token) => token.name);
    expect(names).to.deep.equal([...new Set(names)].sort());
    expect(names).to.include.members(['--billing-color-accent', '--billing-color-danger', '--billing-radius', '--billing-backdrop']);
    const danger = tokens.find((token) => token.name === '--billing-color-danger')!;
    expect(danger.elements).to.include.members(['billing-form', 'invoice-history', 'overdue-banner', 'suspension-modal']);
    expect(danger.default).to.equal('light-dark(#c5221f, #f28b82)');
    expect(danger.color).to.equal(true);
    expect(tokens.find((token) => token.name === '--billing-radius')!.color).to.equal(false);
  });
});
