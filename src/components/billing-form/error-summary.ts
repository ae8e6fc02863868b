import { html, type TemplateResult } from 'lit';

/** One problem in the summary: the text its link reads and what the link leads to. */
export interface SummaryItem {
  /** The id of the control in the form's shadow root, or `hosted` for processor-hosted card fields. */
  readonly target: string;
  /** The field's own error message ("Last name is required."), which names the field and its problem. */
  readonly text: string;
}

/** The items of one fieldset, under its legend (both fieldsets have a Country, for instance). */
export interface SummarySection {
  readonly id: string;
  readonly legend: string;
  readonly items: readonly SummaryItem[];
}

/**
 * The error summary at the top of the form, after a submit attempt with missing or invalid
 * fields (GOV.UK's error summary): `role="alert"`, focusable (the form focuses it), a heading,
 * and per fieldset a list of links, one per field, each reading that field's error message.
 * Following a link moves focus to the field (`follow`); fragment links cannot reach into a
 * shadow root by themselves.
 */
export function renderErrorSummary(
  title: string,
  sections: readonly SummarySection[],
  follow: (item: SummaryItem, event: Event) => void,
): TemplateResult {
  return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h2 id="error-summary-title">${title}</h2>
    ${sections.map(
      (section) => html`<p id="error-summary-${section.id}">${section.legend}</p>
        <ul aria-labelledby="error-summary-${section.id}">
          ${section.items.map(
            (item) => html`<li><a href="#${item.target}" @click=${(event: Event) => follow(item, event)}>${item.text}</a></li>`,
          )}
        </ul>`,
    )}
  </div>`;
}
