import { css } from 'lit';

/**
 * Design tokens and the pieces every element shares. Tokens are `--billing-*` custom
 * properties that default to system colors, so the elements follow a light or dark host page
 * (its `color-scheme`) and forced-colors mode without configuration.
 */
/*
 * Only what the shared states of every element's shell need (loading, load error with Try again,
 * no permission, the developer error) and the tokens: every tag entry pays for this sheet up front.
 * What only views use (links, focus rings of fields, disabled buttons, .visually-hidden, .badge,
 * reduced motion) is `viewStyles` (view.styles.ts), which each element's view adopts when it loads.
 * Notes on the rules (kept out of the css template: comments there ship to browsers):
 * - forced colors: system colors only; accent-on-accent text would vanish behind forced backplates.
 */
export const sharedStyles = css`
  :host {
    --_radius: var(--billing-radius, 6px);
    --_space: var(--billing-space, 1rem);
    --_accent: var(--billing-color-accent, light-dark(#0b57d0, #a8c7fa));
    --_accent-contrast: var(--billing-color-accent-contrast, light-dark(#fff, #062e6f));
    --_danger: var(--billing-color-danger, light-dark(#c5221f, #f28b82));
    --_warning: var(--billing-color-warning, light-dark(#8f4a00, #fdd663));
    --_success: var(--billing-color-success, light-dark(#137333, #81c995));
    --_border: var(--billing-color-border, color-mix(in srgb, CanvasText 25%, transparent));
    --_muted: var(--billing-color-muted, color-mix(in srgb, CanvasText 70%, Canvas));
    --_surface: var(--billing-color-surface, Canvas);
    --_focus: var(--billing-color-focus, var(--_accent));
    font-family: var(--billing-font-family, inherit);
    color: var(--billing-color-text, CanvasText);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  p {
    margin-block: 0 0.5em;
  }
  .button {
    font: inherit;
    border-radius: var(--_radius);
    padding-block: 0.45em;
    padding-inline: 1em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
    min-block-size: 2.5rem;
  }
  .button:hover {
    background: color-mix(in srgb, var(--_accent) 85%, CanvasText);
  }
  .button--secondary {
    background: transparent;
    color: var(--_accent);
  }
  .button--secondary:hover {
    background: color-mix(in srgb, var(--_accent) 10%, transparent);
  }
  .button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .notice {
    padding: 0.75em var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
  }
  .notice--error {
    border-color: var(--_danger);
    border-inline-start-width: 4px;
  }
  .loading {
    color: var(--_muted);
    margin: 0;
  }
  .developer-error {
    font-family: ui-monospace, monospace;
    color: var(--_danger);
    border: 2px dashed var(--_danger);
    padding: 0.5em;
    margin: 0;
  }
  @media (forced-colors: active) {
    .button {
      background: ButtonFace;
      color: ButtonText;
      border: 1px solid ButtonText;
    }
    .button:hover {
      background: ButtonFace;
      border-color: Highlight;
    }
  }
`;
