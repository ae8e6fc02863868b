import { css } from 'lit';

/*
 * The element's shell: the host is a size container, so the table (invoice-history.view.styles.ts)
 * stacks by the element's own width wherever it is placed.
 */
export const invoiceHistoryStyles = css`
  :host {
    display: block;
    container: invoice-history / inline-size;
  }
`;
