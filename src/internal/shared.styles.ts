import { css } from 'lit';

/**
 * Design tokens and the pieces every element shares. Tokens are `--billing-*` custom
 * properties that default to system colors, so the elements follow a light or dark host page
 * (its `color-scheme`) and forced-colors mode without configuration.
 */
export const sharedStyles = css`
  :host {
    --_radius: var(--billing-radius, 6px);
    --_space: var(--billing-space, 1rem);
    --_accent: var(--billing-color-accent, LinkText);
    --_accent-contrast: var(--billing-color-accent-contrast, Canvas);
    --_danger: var(--billing-color-danger, light-dark(#c5221f, #f28b82));
    --_warning: var(--billing-color-warning, light-dark(#b06000, #fdd663));
    --_success: var(--billing-color-success, light-dark(#137333, #81c995));
    --_border: var(--billing-color-border, color-mix(in srgb, CanvasText 25%, transparent));
    --_muted: var(--billing-color-muted, color-mix(in srgb, CanvasText 70%, Canvas));
    --_surface: var(--billing-color-surface, Canvas);
    --_focus: var(--billing-color-focus, Highlight);
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
  .button--secondary {
    background: transparent;
    color: var(--_accent);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
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
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    /* System colors only: accent-on-accent text would vanish behind forced backplates. */
    .button {
      background: ButtonFace;
      color: ButtonText;
      border: 1px solid ButtonText;
    }
    .button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
    .notice--error {
      border-color: Mark;
    }
  }
`;
