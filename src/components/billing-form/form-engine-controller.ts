import type { ReactiveController } from 'lit';
import { toBillingError, type BillingError } from '../../domain/errors.js';
import { catalogsSettled } from '../../i18n/index.js';
import type { FormHost, FormHostAccess, FormView } from './billing-form.view.js';

/** The form's rules, words and view, loaded lazily (see billing-form.engine.ts). */
export type FormEngine = typeof import('./billing-form.engine.js');

let loading: Promise<FormEngine> | undefined;

/**
 * How the engine is imported. Tests replace `load` to see what a viewer sees when the import
 * fails (a network error, a deploy that removed the old chunk); nothing else should.
 */
export const engineImport = { load: (): Promise<FormEngine> => import('./billing-form.engine.js') };

/** Loads the engine once for every form on the page (a failed load is tried again next time). */
export function loadFormEngine(): Promise<FormEngine> {
  // The form's texts in the providers' languages start loading as the engine arrives: wait for them
  // too, so the form's first render already speaks its language.
  loading ??= engineImport
    .load()
    .then(async (engine) => {
      await catalogsSettled();
      return engine;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/**
 * Gives the form its view: none while the lazy engine loads (the element renders its loading
 * state), then a `FormView` made for the element (it adopts its styles into the element's shadow
 * root), or the error a failed import ended with, until `retry()`.
 */
export class FormEngineController implements ReactiveController {
  view: FormView | undefined;
  /** Why the engine could not be imported (told to the host as a `billing-error` too). */
  error: BillingError | undefined;

  constructor(
    private readonly host: FormHost,
    private readonly access: FormHostAccess,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.view && !this.error) this.#load();
  }

  /** Imports the engine again after a failure (Try again). */
  retry(): void {
    this.error = undefined;
    this.host.requestUpdate();
    this.#load();
  }

  #load(): void {
    loadFormEngine().then(
      (engine) => {
        if (this.view) return;
        this.view = new engine.FormView(this.host, this.access, engine);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.view) return;
        this.error = toBillingError(error);
        this.access.fireError(this.error);
        this.host.requestUpdate();
      },
    );
  }
}
