// @ts-check
/**
 * A test-runner command that asks Chromium itself (DevTools Protocol, Accessibility domain)
 * for the accessible descriptions of the nodes with a given role and name: what a screen
 * reader reads after the name. The DOM's textContent cannot show how the browser composes a
 * description (Chromium drops a space that touches Lit's comment markers, for instance).
 *
 * In a test: `await executeServerCommand('accessible-description', { role: 'button', name: 'Submit' })`
 * (from @web/test-runner-commands) → `string[]`, one per matching node.
 */
export function accessibleDescriptionPlugin() {
  return {
    name: 'accessible-description-command',
    /** @param {{ command: string, payload: any, session: any }} options */
    async executeCommand({ command, payload, session }) {
      if (command !== 'accessible-description') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('accessible-description needs the Playwright launcher');
      const page = session.browser.getPage(session.id);
      const client = await page.context().newCDPSession(page);
      try {
        const { nodes } = await client.send('Accessibility.getFullAXTree');
        return nodes
          .filter((node) => !node.ignored && node.role?.value === payload.role && node.name?.value === payload.name)
          .map((node) => node.description?.value ?? '');
      } finally {
        await client.detach();
      }
    },
  };
}
