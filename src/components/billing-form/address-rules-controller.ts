import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CountryAddressRules } from '../../domain/address/index.js';

/** The form's two addresses: the mailing address and the card's billing address. */
export type AddressGroup = 'mailing' | 'billing';

/** Where one address stands with its country's rules. `pending` is a state the form renders. */
export type AddressRulesState =
  | { readonly status: 'none' }
  | { readonly status: 'pending'; readonly country: string }
  | { readonly status: 'ready'; readonly country: string; readonly rules: CountryAddressRules }
  | { readonly status: 'failed'; readonly country: string };

const NONE: AddressRulesState = { status: 'none' };

/**
 * The address rules of the form's two countries: loads a country's rules when it is chosen,
 * keeps the answer only while that country is still the chosen one (a quick US → CA → JP
 * never ends on CA's rules), and re-renders the host at each change of state.
 */
export class AddressRulesController implements ReactiveController {
  #states: Record<AddressGroup, AddressRulesState> = { mailing: NONE, billing: NONE };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  state(group: AddressGroup): AddressRulesState {
    return this.#states[group];
  }

  /** The loaded rules of the group's country; null while none is chosen or they are pending. */
  rules(group: AddressGroup): CountryAddressRules | null {
    const state = this.#states[group];
    return state.status === 'ready' ? state.rules : null;
  }

  /**
   * Chooses `country` for `group` and loads its rules with `load`. Resolves with the rules and
   * the rules they replace once they are the group's rules, or null when another country was
   * chosen meanwhile (or the load failed: then `onError` was told).
   */
  async choose(
    group: AddressGroup,
    country: string,
    load: (country: string) => Promise<CountryAddressRules>,
    onError: (error: unknown) => void,
  ): Promise<{ rules: CountryAddressRules; previous: CountryAddressRules | null } | null> {
    const previous = this.rules(group);
    const pending: AddressRulesState = { status: 'pending', country };
    this.#set(group, pending);
    try {
      const rules = await load(country);
      if (this.#states[group] !== pending) return null;
      return { rules, previous };
    } catch (error) {
      if (this.#states[group] !== pending) return null;
      this.#set(group, { status: 'failed', country });
      onError(error);
      return null;
    }
  }

  /** Makes `rules` the group's rules (after the host kept what fits the new country). */
  settle(group: AddressGroup, rules: CountryAddressRules): void {
    this.#set(group, { status: 'ready', country: rules.country, rules });
  }

  clear(group?: AddressGroup): void {
    if (group) this.#set(group, NONE);
    else this.#states = { mailing: NONE, billing: NONE };
    this.host.requestUpdate();
  }

  #set(group: AddressGroup, state: AddressRulesState): void {
    this.#states = { ...this.#states, [group]: state };
    this.host.requestUpdate();
  }
}
