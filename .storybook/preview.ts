import type { ArgTypes, Decorator, Loader, Preview } from '@storybook/web-components';
import { setCustomElementsManifest } from '@storybook/web-components';
import unions from 'virtual:billing-string-unions';
import manifest from '../custom-elements.json';
import { controlArgTypes, type Manifest } from '../stories/manifest';
import { loadLanguage } from '../src/i18n/index';
import { ElementDocsPage } from './element-docs';

/**
 * The manifest feeds the elements' descriptions; the argTypes come from stories/manifest.ts: a
 * control per attribute (a select where its type is a set of strings), an action per event,
 * nothing for parts, objects, read-only state or methods (the docs page's API table lists
 * those, see element-docs.ts).
 */
setCustomElementsManifest(manifest);

const extractArgTypes = (component: unknown): ArgTypes | null =>
  typeof component === 'string' ? controlArgTypes(manifest as Manifest, component, unions) : null;

/** Applies the toolbar's color scheme and text direction to the preview document. */
const withSchemeAndDirection: Decorator = (story, { globals }) => {
  const root = document.documentElement;
  root.style.colorScheme = globals['scheme'] === 'dark' ? 'dark' : 'light';
  root.dir = globals['dir'] === 'rtl' ? 'rtl' : 'ltr';
  return story();
};

/** The shipped languages, for the toolbar (English is the source). */
const LANGUAGES = [
  { value: 'en', title: 'English' },
  { value: 'de', title: 'Deutsch' },
  { value: 'fr', title: 'Français' },
  { value: 'es', title: 'Español' },
  { value: 'it', title: 'Italiano' },
  { value: 'pt-BR', title: 'Português (Brasil)' },
  { value: 'nl', title: 'Nederlands' },
  { value: 'ja', title: '日本語' },
  { value: 'zh-CN', title: '简体中文' },
  { value: 'ar', title: 'العربية (rtl)' },
  { value: 'he', title: 'עברית (rtl)' },
  { value: 'sv', title: 'Svenska (not shipped: English)' },
];

/**
 * Applies the toolbar's language: the preview page's `lang`, and `locale` on every provider of the
 * story that has none of its own (a story's `locale` argument wins).
 */
const withLanguage: Decorator = (story, { globals }) => {
  const locale = typeof globals['locale'] === 'string' && globals['locale'] ? globals['locale'] : 'en';
  document.documentElement.lang = locale;
  const rendered = story();
  setTimeout(() => {
    for (const provider of document.querySelectorAll<HTMLElement & { locale?: string }>('billing-provider')) {
      if (!provider.hasAttribute('locale')) provider.locale = locale;
    }
  });
  return rendered;
};

/**
 * Loads the toolbar language's texts (and the locale resolution) before the story renders, so its
 * providers switch within a few microtasks of connecting: the accessibility check that runs right
 * after the story (scripts/a11y-stories.mjs checks the language it saw) reads the story in that
 * language, not in English.
 */
const preloadLanguage: Loader = async ({ globals }) => {
  const locale = typeof globals['locale'] === 'string' && globals['locale'] ? globals['locale'] : 'en';
  const { resolveLocale } = await import('../src/i18n/resolve');
  await loadLanguage(resolveLocale([locale]).language);
  return {};
};

const preview: Preview = {
  // A docs page per story file (per element, plus the Theming page).
  tags: ['autodocs'],
  decorators: [withSchemeAndDirection, withLanguage],
  loaders: [preloadLanguage],
  globalTypes: {
    locale: {
      description: 'Language of the billing elements (the providers\' locale)',
      toolbar: { title: 'Language', icon: 'globe', items: LANGUAGES, dynamicTitle: true },
    },
    scheme: {
      description: 'Color scheme of the host page (the elements follow it)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the host page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right (ltr)' },
          { value: 'rtl', title: 'Right to left (rtl)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { scheme: 'light', dir: 'ltr', locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { extractArgTypes, page: ElementDocsPage },
    // The accessibility panel (axe) checks the story's root; findings show there, they don't fail the build.
    a11y: { test: 'todo' },
  },
};

export default preview;
