import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogsSettled } from '../../i18n/index.js';

/** The form's rules and words, loaded lazily (see billing-form.engine.ts). */
export type FormEngine = typeof import('./billing-form.engine.js');

let loading: Promise<FormEngine> | undefined;

/** Loads the engine once for every form on the page (a failed load is tried again next time). */
export function loadFormEngine(): Promise<FormEngine> {
  // The form's texts in the providers' languages start loading as the engine arrives: wait for them
  // too, so the form's first render already speaks its language.
  loading ??= import('./billing-form.engine.js').then(async (engine) => {
    await catalogsSettled();
    return engine;
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Gives the form its engine: `pending` until the lazy module has loaded, then `ready` with
 * the module. The host renders its loading state while pending.
 */
export class FormEngineController implements ReactiveController {
  engine: FormEngine | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.engine) return;
    loadFormEngine().then(
      (engine) => {
        this.engine = engine;
        this.host.requestUpdate();
      },
      (error: unknown) => this.onError(error),
    );
  }
}
