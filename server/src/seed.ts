/**
 * Seed data from the demo's named scenarios (src/adapters/scenarios.ts), completed with the
 * same defaults MemoryBillingAdapter applies (account name, currency, user cap, next charge
 * date, organizations): the server and the demo start from identical data.
 *
 * Every seed holds two accounts: the scenario's (`acct_acme`, "Acme Corp") and a second one,
 * {@link SECOND_ACCOUNT_ID} ("Globex Corporation", invoices outstanding for 35 days), so that
 * each caller's token decides which account it sees.
 */
import { MemoryBillingAdapter, type MemoryFailure } from '../../src/adapters/memory-adapter.js';
import { SCENARIOS, scenario, type ScenarioName } from '../../src/adapters/scenarios.js';
import { today } from '../../src/domain/dates.js';
import type { Viewer } from '../../src/domain/types.js';
import type { SeedData } from './store.js';

export const SECOND_ACCOUNT_ID = 'acct_globex';

export function scenarioNames(): string[] {
  return SCENARIOS.map((entry) => entry.name);
}

export function isScenarioName(name: string): name is ScenarioName {
  return scenarioNames().includes(name);
}

async function accountOf(name: ScenarioName, now: string | undefined, account: { id?: string; name?: string } = {}): Promise<SeedData & { viewer: Viewer }> {
  const { fail: _fail, ...options } = scenario(name, now === undefined ? undefined : today(now));
  const adapter = new MemoryBillingAdapter({
    ...options,
    ...(now === undefined ? {} : { now }),
    account: {
      ...options.account,
      ...account,
      ...(account.name ? { organizations: [{ id: 'org_globex_ops', name: 'Globex Operations' }] } : {}),
    },
  });
  const snapshot = await adapter.load();
  return { account: snapshot.account, paymentMethod: snapshot.paymentMethod, invoices: snapshot.invoices, viewer: snapshot.viewer };
}

/**
 * The accounts of scenario `name` on the day of `now` (ISO 8601; default the real clock), how
 * the scenario's backend fails (`failing-backend`), if it does, and the scenario's viewer
 * (whether the demo signs in as a billing admin or a plain admin).
 */
export async function seedData(name: string, now?: string): Promise<{ accounts: SeedData[]; fail: MemoryFailure; viewer: Viewer }> {
  if (!isScenarioName(name)) throw new RangeError(`Unknown scenario "${name}"; use one of ${scenarioNames().join(', ')}.`);
  const { viewer, ...main } = await accountOf(name, now);
  const { viewer: _viewer, ...second } = await accountOf('overdue-35', now, { id: SECOND_ACCOUNT_ID, name: 'Globex Corporation' });
  return { accounts: [main, second], fail: scenario(name).fail ?? null, viewer };
}
