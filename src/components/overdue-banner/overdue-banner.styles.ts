import { css } from 'lit';

/*
 * The element's shell: level="none" takes no room in the host's layout, except to show the developer message.
 * (Comments stay out of the css template: whatever is in it ships to browsers.)
 */
export const overdueBannerStyles = css`
  :host {
    display: block;
  }
  :host([level='none']:not(:state(no-provider))) {
    display: none;
  }
`;
