import { css, unsafeCSS } from 'lit';

/*
 * The table's look, adopted when the view (invoice-history.view.ts) arrives. The host is a size
 * container (invoice-history.styles.ts), so the table stacks by the element's own width wherever it is
 * placed: below 44rem each invoice is a card listing every column's label beside its value. Wider
 * than that, the view stacks it too (class .stacked) when its columns don't fit the width: the longest
 * texts (Japanese, Arabic amounts, long invoice numbers) decide, not a fixed breakpoint. As a table,
 * the Download button's text may wrap at spaces (never inside a Japanese word: keep-all), so more
 * languages keep the table at 900 px. Japanese breaks between phrases (auto-phrase) where supported.
 * .scroller is the containing block of the visually hidden caption and header: they stay inside it.
 * (Comments stay out of the css template: whatever is in it ships to browsers.)
 */
/** The stacked layout's rules, under `scroller` (the container query's, or the .stacked class's). */
function stacked(scroller: string) {
  return unsafeCSS(`
    ${scroller} {
      border: 0;
    }
    ${scroller} :is(table, tbody, tr, th, td) {
      display: block;
    }
    ${scroller} thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    ${scroller} tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.25rem 0.75rem;
      margin-block-end: 0.75rem;
    }
    ${scroller} :is(th, td) {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.25rem 1rem;
      padding-inline: 0;
      border: 0;
      white-space: normal;
      overflow-wrap: anywhere;
      text-align: end;
    }
    ${scroller} td + td {
      border-block-start: 1px solid var(--_border);
    }
    ${scroller} .cell-label {
      display: block;
      color: var(--_muted);
      font-weight: 600;
      font-size: 0.875em;
      text-align: start;
    }
    ${scroller} .download {
      justify-content: start;
    }
    ${scroller} .row-error {
      flex-basis: 100%;
      text-align: start;
    }
  `);
}

export const styles = css`
  .scroller {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table,
  .older,
  .empty {
    word-break: auto-phrase;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.5rem;
    text-align: start;
    border-block-start: 1px solid var(--_border);
    white-space: nowrap;
  }
  .download {
    white-space: normal;
  }
  .download .button {
    word-break: keep-all;
    word-break: auto-phrase;
  }
  thead th {
    border: 0;
    white-space: normal;
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: 600;
  }
  .amount {
    text-align: end;
  }
  .status--paid {
    color: var(--_success);
  }
  .status--open {
    color: var(--_danger);
  }
  .status--partially_paid {
    color: var(--_warning);
  }
  .button {
    min-block-size: 2.25rem;
    padding-block: 0.25em;
    padding-inline: 0.75em;
  }
  .busy {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .cell-label {
    display: none;
  }
  .row-error {
    color: var(--_danger);
    font-size: 0.875em;
    white-space: normal;
    margin: 0.25rem 0 0;
  }
  .older,
  .empty {
    color: var(--_muted);
    margin: 0.75rem 0 0;
  }
  @container invoice-history (inline-size < 44rem) {
    ${stacked('.scroller')}
  }
  ${stacked('.scroller.stacked')}
  @media (forced-colors: active) {
    .scroller tbody tr,
    .scroller.stacked tbody tr {
      border-color: CanvasText;
    }
  }
`;
