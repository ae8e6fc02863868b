/**
 * Seed data from the demo's named scenarios (src/adapters/scenarios.ts), completed with the
 * same defaults MemoryBillingAdapter applies (account name, currency, user cap, next charge
 * date, organizations): the server and the demo start from identical data.
 */
import { MemoryBillingAdapter, type MemoryFailure } from '../../src/adapters/memory-adapter.js';
import { SCENARIOS, scenario, type ScenarioName } from '../../src/adapters/scenarios.js';
import { today } from '../../src/domain/dates.js';
import type { SeedData } from './store.js';

export function scenarioNames(): string[] {
  return SCENARIOS.map((entry) => entry.name);
}

export function isScenarioName(name: string): name is ScenarioName {
  return scenarioNames().includes(name);
}

/**
 * The data of scenario `name` on the day of `now` (ISO 8601; default the real clock), and how
 * the scenario's backend fails (`failing-backend`), if it does.
 */
export async function seedData(name: string, now?: string): Promise<SeedData & { fail: MemoryFailure }> {
  if (!isScenarioName(name)) throw new RangeError(`Unknown scenario "${name}"; use one of ${scenarioNames().join(', ')}.`);
  const { fail, ...options } = scenario(name, now === undefined ? undefined : today(now));
  const snapshot = await new MemoryBillingAdapter(now === undefined ? options : { ...options, now }).load();
  return {
    account: snapshot.account,
    viewer: snapshot.viewer,
    paymentMethod: snapshot.paymentMethod,
    invoices: snapshot.invoices,
    fail: fail ?? null,
  };
}
