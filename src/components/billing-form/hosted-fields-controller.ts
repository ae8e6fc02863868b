import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CardFields } from '../../adapters/adapter.js';

/**
 * Processor-hosted card fields: a container in the form's light DOM (slotted into the card
 * area, so processor iframes that refuse shadow roots work), mounted through the provider,
 * destroyed when the form leaves the page or a card was accepted, and mounted fresh when the
 * form shows again. A mount that finishes after its unmount is undone at once.
 */
export class HostedFieldsController implements ReactiveController {
  /** Whether the fields hold a complete, valid card. */
  complete = false;
  #fields?: CardFields;
  #container?: HTMLElement;
  #generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly callbacks: { onChange(): void; onError(error: unknown): void },
  ) {
    host.addController(this);
  }

  /** The mounted fields, once the processor has answered. */
  get fields(): CardFields | undefined {
    return this.#fields;
  }

  /** Back in the document: render again, so the host mounts fresh fields (see `mount`). */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.unmount();
  }

  /** Mounts the fields unless they are mounted or being mounted. */
  async mount(mountCardFields: (container: HTMLElement) => Promise<CardFields>): Promise<void> {
    if (this.#fields || this.#container) return;
    const generation = this.#generation;
    const container = document.createElement('div');
    container.slot = 'card-fields';
    this.host.append(container);
    this.#container = container;
    try {
      const fields = await mountCardFields(container);
      if (generation !== this.#generation) {
        fields.destroy?.();
        container.remove();
        return;
      }
      this.#fields = fields;
      this.complete = fields.isComplete?.() ?? false;
      fields.onChange?.((complete) => {
        if (generation !== this.#generation) return;
        this.complete = complete;
        this.callbacks.onChange();
        this.host.requestUpdate();
      });
      this.host.requestUpdate();
    } catch (error) {
      if (generation !== this.#generation) return;
      container.remove();
      this.#container = undefined;
      this.callbacks.onError(error);
    }
  }

  /** Removes the fields; the next mount makes fresh ones. */
  unmount(): void {
    this.#generation++;
    this.#fields?.destroy?.();
    this.#fields = undefined;
    this.#container?.remove();
    this.#container = undefined;
    if (this.complete) {
      this.complete = false;
      this.host.requestUpdate();
    }
  }
}
