#!/usr/bin/env node
// The catalogs: English source in the code, translations in XLIFF 1.2, compiled for the runtime.
//   node scripts/i18n.mjs          extract every msg() of src/ into xliff/en.xlf (ids, English ICU text,
//                                  a note per unit), then compile each xliff/<locale>.xlf into
//                                  src/i18n/locales/<locale>.ts: every ICU message parsed and checked
//                                  here with the full parser (src/i18n/parse.ts), so the browser only
//                                  fills checked messages in (a few regular expressions)
//   node scripts/i18n.mjs --check  change nothing; exit 1 when en.xlf or a compiled module is stale,
//                                  or a catalog is incomplete: every id, identical placeholders, no
//                                  empty or untranslated target (but the allow-list), every plural
//                                  category the language needs (Intl.PluralRules), valid ICU.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const LOCALES = ['de', 'fr', 'es', 'it', 'pt-BR', 'nl', 'ja', 'zh-CN', 'ar', 'he'];
/** Texts that may read the same as the English source in a translation (names, codes, formats). */
/** Accessible names (first) that add to a button's visible text (second). */
const NAME_CONTAINS_TEXT = [['billing.invoice.downloadNamed', 'billing.invoice.download']];

export const SAME_AS_SOURCE = new Set([
  'billing.postal.eircode',
  'billing.form.expiryFormat',
  'billing.required.postal.eircode',
  'billing.error.postal.eircode',
  'billing.error.postal.eircodeExample',
  'billing.region.doSi',
  'billing.noProvider',
]);
/** Per language, more ids whose target may equal the source (a word both languages share). */
const SAME_IN = {
  de: ['billing.region.district', 'billing.form.email', 'billing.card.pending'],
  fr: ['billing.region.department', 'billing.region.district', 'billing.region.province', 'billing.region.oblast', 'billing.region.parish', 'billing.region.area', 'billing.invoice.status'],
  es: ['billing.region.oblast', 'billing.region.area'],
  it: ['billing.region.oblast', 'billing.region.area', 'billing.form.email', 'billing.region.area'],
  'pt-BR': ['billing.region.oblast', 'billing.form.email', 'billing.invoice.status', 'billing.region.area'],
  nl: ['billing.region.oblast', 'billing.region.district', 'billing.region.parish', 'billing.invoice.status', 'billing.invoice.open', 'billing.region.area', 'billing.form.email'],
};

const ROOT = process.cwd();
const check = process.argv.includes('--check');
const problems = [];

// ── The runtime's own ICU parser (src/i18n/parse.ts), bundled for Node: one parser, two users ──
const bundled = await build({ entryPoints: ['src/i18n/parse.ts'], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
const { parse } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

// ── Extraction ─────────────────────────────────────────────────────────────────────────────
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(test|stories)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Every `msg('English', { id: '…' })` in src/: id → { text, files }. */
function extract() {
  const messages = new Map();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('msg(')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'msg' && node.arguments.length >= 2) {
        const [english, options] = node.arguments;
        const where = `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (!ts.isStringLiteral(english) && !ts.isNoSubstitutionTemplateLiteral(english)) {
          problems.push(`${where}: msg()'s English text must be a string literal (ICU, with {placeholders})`);
        } else if (ts.isObjectLiteralExpression(options)) {
          const idProp = options.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'id');
          const id = idProp && ts.isStringLiteral(idProp.initializer) ? idProp.initializer.text : null;
          if (!id) problems.push(`${where}: msg() needs a literal id`);
          else {
            const known = messages.get(id);
            if (known && known.text !== english.text) problems.push(`${where}: id ${id} has two English texts`);
            if (known) known.files.add(relative(ROOT, file));
            else messages.set(id, { text: english.text, files: new Set([relative(ROOT, file)]) });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return new Map([...messages].sort(([a], [b]) => a.localeCompare(b)));
}

// ── Notes for translators ──────────────────────────────────────────────────────────────────
const PLACEHOLDERS = {
  amount: 'an amount of money, already formatted for the language (e.g. "$2,176.50")',
  date: 'a date, already formatted for the language (e.g. "Dec 1, 2026")',
  expiry: 'the card expiry as MM/YY (e.g. "08/29")',
  email: 'an email address; in the page it is a link',
  brand: 'a card brand name (Visa, Mastercard …), not translated',
  last4: 'the last four digits of the card',
  number: 'an invoice number (e.g. "INV-1001")',
  example: 'an example postal code of the country (e.g. "95014")',
  terms: 'the link whose text is billing.form.termsLink ("section 3.7 of the terms")',
  tag: 'an HTML tag name, e.g. "billing-form"; a message for web developers',
  count: 'a number (plural)',
  days: 'a number of days (plural)',
  left: 'a number of days left before the account is suspended (plural)',
  cap: 'the maximum number of users per organization (plural)',
  digits: 'the number of digits of the card security code, 3 or 4 (plural)',
};
const CONTEXT = [
  [/^billing\.region\./, 'Label of the address field for the region. The word a country uses for its first-level subdivision.'],
  [/^billing\.postal\./, 'Label of the address field for the postal code. The word a country uses for it.'],
  [/^billing\.required\./, 'Error message under a form field that was left empty (shown after the user leaves the field or submits).'],
  [/^billing\.error\.region\./, 'Error message under the region list when the value is not one of the list.'],
  [/^billing\.error\.postal\./, 'Error message under the postal-code field when the value does not match the country\'s format.'],
  [/^billing\.error\./, 'Error message under a field of the payment form.'],
  [/^billing\.submit\./, 'Alert above the submit button after submitting the card failed. The user can submit again.'],
  [/^billing\.load\./, 'Second sentence after "We couldn\'t load your billing information." — why, from the error\'s code.'],
  [/^billing\.form\.chooseRegion\./, 'First (empty) option of the region list, a prompt to choose.'],
  [/^billing\.form\./, 'Payment form (<billing-form>): labels, headings and notes. Business software register (formal address: Sie, vous, usted …).'],
  [/^billing\.card\./, 'The card on file, shown above the form.'],
  [/^billing\.success/, 'Confirmation after the card was submitted.'],
  [/^billing\.invoice\./, 'Invoice history table (<invoice-history>).'],
  [/^billing\.banner\./, 'Banner at the top of the portal when invoices are unpaid (<overdue-banner>).'],
  [/^billing\.modal\./, 'Modal dialog shown when the account is suspended for non-payment (<suspension-modal>).'],
  [/^billing\./, 'Shared by the billing elements.'],
];
const SPECIAL = {
  'billing.form.submit': 'The submit button. Contract text in English: "Submit Payment Information".',
  'billing.form.terms': 'Sentence next to the submit button; {terms} is a link to the terms page.',
  'billing.form.termsLink': 'Link text inside billing.form.terms.',
  'billing.payAnotherWay': 'Note under the banner and dialog; {email} is a mailto link.',
  'billing.form.expiryFormat': 'Hint under the expiration date: the format to type. Keep MM/YY unless your market writes it otherwise.',
  'billing.form.remaining': 'Live status next to the submit button: how many required fields are still empty or invalid.',
  'billing.card.paysAll': 'One card pays for every organization of the account. "one" may mean exactly one organization.',
  'billing.noProvider': 'Developer error shown when the element is used without <billing-provider>. Keep the tag names as they are.',
  'billing.region.doSi': 'South Korea\'s word for its provinces and cities (도/시). Usually left as is.',
  'billing.postal.eircode': 'Ireland\'s postal code system: a brand name, not translated.',
  'billing.invoice.downloadNamed': 'Accessible name of the Download Invoice button of one row (read by screen readers).',
  'billing.invoice.caption': 'Caption of the invoice table, read by screen readers only.',
  'billing.invoice.downloadColumn': 'Header of the column of download buttons, read by screen readers only.',
};

function noteFor(id, text) {
  const parts = [SPECIAL[id] ?? CONTEXT.find(([re]) => re.test(id))[1]];
  const names = placeholders(parse(text));
  for (const [name, kind] of names) {
    parts.push(`{${name}}${kind === 'plural' ? ' (plural: keep the ICU plural and give every category your language needs; # is the number)' : ''}: ${PLACEHOLDERS[name] ?? 'a value'}.`);
  }
  return parts.join(' ');
}

/** Map name → 'plural' | 'arg' of a compiled message. */
function placeholders(compiled, out = new Map()) {
  if (typeof compiled === 'string') return out;
  for (const node of compiled) {
    if (Array.isArray(node)) {
      if (node.length === 1) {
        if (!out.has(node[0])) out.set(node[0], 'arg');
      } else {
        out.set(node[0], 'plural');
        for (const branch of Object.values(node[1])) placeholders(branch, out);
      }
    }
  }
  return out;
}

function plurals(compiled, out = []) {
  if (typeof compiled === 'string') return out;
  for (const node of compiled) {
    if (Array.isArray(node) && node.length === 2) {
      out.push({ name: node[0], categories: Object.keys(node[1]) });
      for (const branch of Object.values(node[1])) plurals(branch, out);
    }
  }
  return out;
}

// ── XLIFF 1.2 ──────────────────────────────────────────────────────────────────────────────
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

function writeXliff(messages) {
  const units = [...messages].map(
    ([id, { text }]) => `      <trans-unit id="${id}">
        <source>${escapeXml(text)}</source>
        <note>${escapeXml(noteFor(id, text))}</note>
      </trans-unit>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/i18n.mjs from the msg() calls in src/: the English source. Do not edit; see xliff/TRANSLATORS.md. -->
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="billing-elements" source-language="en" datatype="plaintext">
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}

/** The trans-units of an XLIFF 1.2 file: id → { source, target }. */
function readXliff(path) {
  const xml = readFileSync(path, 'utf8');
  const language = /<file\b[^>]*\btarget-language="([^"]+)"/.exec(xml)?.[1] ?? null;
  const units = new Map();
  for (const match of xml.matchAll(/<trans-unit\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const body = match[2];
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1];
    const target = /<target(?:\s[^>]*)?>([\s\S]*?)<\/target>/.exec(body)?.[1];
    units.set(match[1], { source: source === undefined ? null : unescapeXml(source), target: target === undefined ? null : unescapeXml(target) });
  }
  return { language, units };
}

// ── Compilation and checks ─────────────────────────────────────────────────────────────────
function compileLocale(locale, messages) {
  const path = join('xliff', `${locale}.xlf`);
  const compiled = {};
  if (!existsSync(path)) {
    problems.push(`${path}: missing`);
    return compiled;
  }
  const { language, units } = readXliff(path);
  if (language !== locale) problems.push(`${path}: target-language is ${language}, expected ${locale}`);
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const same = new Set([...SAME_AS_SOURCE, ...(SAME_IN[locale] ?? [])]);
  for (const [id, { text }] of messages) {
    const unit = units.get(id);
    if (!unit || unit.target === null) {
      problems.push(`${path}: ${id} has no translation`);
      continue;
    }
    if (unit.source !== null && unit.source !== text) problems.push(`${path}: ${id} was translated from an older English text (source differs)`);
    const target = unit.target.trim();
    if (!target) {
      problems.push(`${path}: ${id} is empty`);
      continue;
    }
    if (target === text && !same.has(id)) problems.push(`${path}: ${id} is the English text, untranslated`);
    let message;
    try {
      message = parse(target);
    } catch (error) {
      problems.push(`${path}: ${id}: ${error.message}`);
      continue;
    }
    const want = placeholders(parse(text));
    const have = placeholders(message);
    const show = (m) => [...m].map(([n, k]) => `${n}${k === 'plural' ? ' (plural)' : ''}`).sort().join(', ') || 'none';
    if (show(want) !== show(have)) problems.push(`${path}: ${id}: placeholders ${show(have)}, the English has ${show(want)}`);
    for (const plural of plurals(message)) {
      const missing = categories.filter((c) => !plural.categories.includes(c));
      if (missing.length) problems.push(`${path}: ${id}: plural {${plural.name}} lacks ${missing.join(', ')} (${locale} needs ${categories.join(', ')})`);
    }
    if (/'[{}#']/.test(target)) problems.push(`${path}: ${id}: ICU quoting ('{ '# '') is not supported; rephrase without literal braces or #`);
    compiled[id] = target;
  }
  // WCAG 2.5.3: an accessible name that adds to a visible text must contain that text in every language.
  for (const [named, visible] of NAME_CONTAINS_TEXT) {
    if (compiled[named] && compiled[visible] && !compiled[named].includes(compiled[visible]))
      problems.push(`${path}: ${named} must contain ${visible}'s text ("${compiled[visible]}"): it names a button that shows it`);
  }
  for (const id of units.keys()) if (!messages.has(id)) problems.push(`${path}: ${id} is not used by the code any more`);
  return compiled;
}

function moduleText(locale, compiled, what) {
  return `// Generated by scripts/i18n.mjs from xliff/${locale}.xlf (${what}): do not edit.
const messages: Record<string, string> = ${JSON.stringify(compiled, null, 1).replace(/\n\s*/g, ' ')};
export default messages;
`;
}

function writeOrCheck(path, text) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === text) return;
  if (check) problems.push(`${path} is stale: run node scripts/i18n.mjs`);
  else writeFileSync(path, text);
}

const messages = extract();
// English plurals must be complete too.
const englishCategories = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
for (const [id, { text }] of messages) {
  try {
    for (const plural of plurals(parse(text))) {
      const missing = englishCategories.filter((c) => !plural.categories.includes(c));
      if (missing.length) problems.push(`${id}: English plural {${plural.name}} lacks ${missing.join(', ')}`);
    }
  } catch (error) {
    problems.push(`${id}: English text: ${error.message}`);
  }
}
mkdirSync('xliff', { recursive: true });
writeOrCheck(join('xliff', 'en.xlf'), writeXliff(messages));
mkdirSync(join('src', 'i18n', 'locales'), { recursive: true });
/** The form's texts (used only by src/components/billing-form/) load with the form: a part of their own. */
const isFormText = (id) => [...messages.get(id).files].every((file) => file.startsWith('src/components/billing-form/'));
for (const locale of LOCALES) {
  const compiled = Object.entries(compileLocale(locale, messages));
  const part = (form) => Object.fromEntries(compiled.filter(([id]) => isFormText(id) === form));
  writeOrCheck(join('src', 'i18n', 'locales', `${locale}.ts`), moduleText(locale, part(false), 'texts every element uses'));
  writeOrCheck(join('src', 'i18n', 'locales', `${locale}.form.ts`), moduleText(locale, part(true), "<billing-form>'s texts, loaded with the form"));
}

console.log(`${messages.size} messages; ${LOCALES.length} translations: ${LOCALES.join(', ')}`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  if (check || process.argv.includes('--strict')) process.exit(1);
}
