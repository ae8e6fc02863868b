import { css } from 'lit';

/* The element's shell: it takes no box of its own; the dialog's look comes with its view. */
export const suspensionModalStyles = css`
  :host {
    display: contents;
  }
`;
