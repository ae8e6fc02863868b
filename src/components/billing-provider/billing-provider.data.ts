/**
 * What the provider needs once an answer arrives: the response schemas (zod), the dunning rules
 * and "today" from the snapshot's clock. Loaded with the first adapter call, in parallel with
 * it, so none of it weighs on the initial bundle of any entry.
 */
export { parseSnapshotInSlices, parseSubmitResult } from '../../domain/schemas.js';
export { dunningState } from '../../domain/dunning.js';
export { today } from '../../domain/dates.js';
