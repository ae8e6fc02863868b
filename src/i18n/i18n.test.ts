/**
 * The catalogs, complete by test: every shipped language has every id of the English source
 * (xliff/en.xlf), the same placeholders, no empty text, and every plural category its language
 * needs — rendered for 0, 1, 2, 3, 5, 11, 21 and 100 through the runtime the elements use.
 */
import { expect } from '@open-wc/testing';
import { loadLanguage, msg, shippedCatalog, withLocale } from './index.js';
// Registers the form's part of each catalog (loaded with the form).
import '../components/billing-form/billing-form.text.js';
import { SHIPPED_LOCALES, resolveLocale } from './resolve.js';
import { parse } from './parse.js';
import type { CompiledMessage, MessageNode } from './types.js';

const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100];

async function englishSource(): Promise<Map<string, string>> {
  const xml = await (await fetch('/xliff/en.xlf')).text();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return new Map([...doc.querySelectorAll('trans-unit')].map((unit) => [unit.id, unit.querySelector('source')!.textContent!]));
}

function placeholders(message: CompiledMessage, out = new Set<string>()): Set<string> {
  if (typeof message === 'string') return out;
  for (const node of message as MessageNode[]) {
    if (Array.isArray(node)) {
      out.add(node.length === 1 ? node[0] : `${node[0]} (plural)`);
      if (node.length === 2) for (const branch of Object.values(node[1])) placeholders(branch, out);
    }
  }
  return out;
}

function pluralNodes(message: CompiledMessage): [string, Record<string, CompiledMessage>][] {
  if (typeof message === 'string') return [];
  return (message as MessageNode[]).flatMap((node) => (Array.isArray(node) && node.length === 2 ? [node as [string, Record<string, CompiledMessage>]] : []));
}

async function catalog(locale: string): Promise<Readonly<Record<string, CompiledMessage>>> {
  await loadLanguage(locale);
  return Object.fromEntries(Object.entries(shippedCatalog(locale)!).map(([id, text]) => [id, parse(text)]));
}

/** The reference rendering of a parsed message (the runtime fills messages in with regular expressions). */
function reference(message: CompiledMessage, args: Record<string, string | number>, locale: string, count?: number): string {
  if (typeof message === 'string') return message;
  return message
    .map((node) => {
      if (typeof node === 'string') return node;
      if (node === 0) return new Intl.NumberFormat(locale).format(count!);
      if (node.length === 1) {
        const value = args[node[0]]!;
        return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
      }
      const value = Number(args[node[0]]);
      const branch = node[1][`=${value}`] ?? node[1][new Intl.PluralRules(locale).select(value)] ?? node[1]['other']!;
      return reference(branch, args, locale, value);
    })
    .join('');
}

describe('i18n catalogs', () => {
  let english: Map<string, string>;
  before(async () => {
    english = await englishSource();
  });

  it('parses the English source, and every English plural has one and other', () => {
    expect(english.size).to.be.greaterThan(100);
    for (const [id, text] of english) {
      for (const [name, branches] of pluralNodes(parse(text))) {
        expect(Object.keys(branches), `${id} {${name}}`).to.include.members(['one', 'other']);
      }
    }
  });

  for (const locale of SHIPPED_LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      let messages: Readonly<Record<string, CompiledMessage>>;
      before(async () => {
        messages = await catalog(locale);
      });

      it('has every id of the English source, and no other', () => {
        expect(Object.keys(messages).sort()).to.deep.equal([...english.keys()].sort());
      });

      it('keeps the placeholders of the English source, and no text is empty', () => {
        for (const [id, source] of english) {
          const message = messages[id];
          expect(message, id).to.not.equal('');
          expect([...placeholders(message ?? '')].sort(), id).to.deep.equal([...placeholders(parse(source))].sort());
        }
      });

      it('gives every plural the categories the language needs, for 0, 1, 2, 3, 5, 11, 21, 100', () => {
        const rules = new Intl.PluralRules(locale);
        const needed = rules.resolvedOptions().pluralCategories;
        const resolved = resolveLocale([locale]);
        const number = new Intl.NumberFormat(locale);
        let checked = 0;
        for (const [id, message] of Object.entries(messages)) {
          const plurals = pluralNodes(message);
          if (!plurals.length) continue;
          for (const [name, branches] of plurals) expect(Object.keys(branches), `${locale} ${id} {${name}}`).to.include.members(needed);
          for (const n of COUNTS) {
            const args: Record<string, string | number> = { amount: 'X', date: 'D' };
            for (const [name] of plurals) args[name] = n;
            const text = withLocale(resolved, () => msg(english.get(id)!, { id, args }));
            expect(text, `${locale} ${id} n=${n}`).to.be.a('string').and.not.equal('');
            expect(text, `${locale} ${id} n=${n}`).not.to.match(/[{}]/);
            // What the elements show is what the full ICU parser reads (isolation marks aside).
            expect(text.replace(/[\u2068\u2069]/g, ''), `${locale} ${id} n=${n}`).to.equal(reference(message, args, locale));
            // The branch chosen is the language's own category for n (or an exact =n).
            for (const [name, branches] of plurals) {
              expect(`=${n}` in branches || rules.select(n) in branches, `${locale} ${id} {${name}} n=${n}: no ${rules.select(n)}`).to.equal(true);
            }
            // A branch that shows the number shows it formatted for the language.
            const branch = plurals[0]![1][`=${n}`] ?? plurals[0]![1][rules.select(n)]!;
            if (typeof branch !== 'string' && branch.includes(0)) expect(text, `${locale} ${id} n=${n}`).to.contain(number.format(n));
          }
          checked++;
        }
        expect(checked, 'plural messages checked').to.be.greaterThan(5);
      });

      it('is really translated: most texts differ from the English source', () => {
        const english = withLocale(resolveLocale(['en']), () => msg('Update', { id: 'billing.update' }));
        const translated = withLocale(resolveLocale([locale]), () => msg('Update', { id: 'billing.update' }));
        expect(translated).to.not.equal(english);
      });
    });
  }
});
