import { expect } from '@open-wc/testing';
import { validateEmail, validateName, validatePhone, validateRequiredText } from './contact.js';

describe('validateEmail', () => {
  it('is required when blank', () => {
    expect(validateEmail('')).to.equal('required');
    expect(validateEmail('   ')).to.equal('required');
  });

  it('accepts ordinary addresses, ignoring surrounding spaces', () => {
    for (const email of ['ana@example.com', ' ana@example.com ', 'ana.lima+billing@mail.example.co.uk', "o'brien@example.ie", 'A_B-C@Example-Mail.COM', 'x@sub.domain.io']) {
      expect(validateEmail(email), email).to.equal('ok');
    }
  });

  it('accepts internationalized domains (the browser sends them as punycode)', () => {
    expect(validateEmail('ana@bücher.de')).to.equal('ok');
    expect(validateEmail('ana@xn--bcher-kva.de')).to.equal('ok');
  });

  it('rejects malformed addresses', () => {
    for (const email of [
      'ana',
      'ana@',
      '@example.com',
      'ana@@example.com',
      'ana example@example.com',
      'ana@example',
      'ana@localhost',
      'ana@example..com',
      'ana@.example.com',
      'ana@example.com.',
      'ana@-example.com',
      'ana@example-.com',
      'ana@exa_mple.com',
      'ana@exam ple.com',
      'ana@[127.0.0.1]',
      'anä@example.com',
      'ana@bü/cher.de',
      `${'a'.repeat(65)}@example.com`,
      `ana@${'a'.repeat(64)}.com`,
      `ana@${'abcdefghi.'.repeat(25)}com`,
    ]) {
      expect(validateEmail(email), email).to.equal('invalid');
    }
  });

  it('accepts the longest local part and label', () => {
    expect(validateEmail(`${'a'.repeat(64)}@example.com`)).to.equal('ok');
    expect(validateEmail(`ana@${'a'.repeat(63)}.com`)).to.equal('ok');
  });
});

describe('validatePhone', () => {
  it('is optional', () => {
    expect(validatePhone('')).to.equal('ok');
    expect(validatePhone('  ')).to.equal('ok');
  });

  it('accepts common notations', () => {
    for (const phone of ['+1 (555) 123-4567', '555.123.4567', '+44 20 7946 0958', '030 1234567', '12345', '+81-3-1234-5678', '１２３４５']) {
      expect(validatePhone(phone), phone).to.equal('ok');
    }
  });

  it('wants 5 to 20 digits', () => {
    expect(validatePhone('1234')).to.equal('invalid');
    expect(validatePhone('(12) 34')).to.equal('invalid');
    expect(validatePhone('12345678901234567890')).to.equal('ok');
    expect(validatePhone('123456789012345678901')).to.equal('invalid');
  });

  it('rejects letters, other symbols and a + not in front', () => {
    for (const phone of ['555-CALL-NOW', '555 123 4567 ext 2', '555#1234567', '1+555 123 4567', '++1 555 123 4567', '+']) {
      expect(validatePhone(phone), phone).to.equal('invalid');
    }
  });
});

describe('validateRequiredText', () => {
  it('is required when blank after trimming', () => {
    expect(validateRequiredText('')).to.equal('required');
    expect(validateRequiredText(' \t\n ')).to.equal('required');
    expect(validateRequiredText('\u00a0')).to.equal('required');
  });

  it('accepts any other text', () => {
    expect(validateRequiredText('1 Main St')).to.equal('ok');
    expect(validateRequiredText(' x ')).to.equal('ok');
  });
});

describe('validateName', () => {
  it('is required when blank', () => {
    expect(validateName('')).to.equal('required');
    expect(validateName('   ')).to.equal('required');
  });

  it('accepts names in any script with . \' ’ -', () => {
    for (const name of ['Ana Lima', 'J. R. R. Tolkien', "Conan O'Brien", 'Conan O’Brien', 'Anne-Marie Núñez', 'Zoë Ångström', '山田 太郎', 'Юлия Петрова', 'محمد علي', 'अनिल कुमार', 'Nguyễn Văn A']) {
      expect(validateName(name), name).to.equal('ok');
    }
  });

  it('rejects digits, symbols and punctuation without a letter', () => {
    for (const name of ['Ana Lima 2', 'ana@example.com', 'Ana_Lima', 'Ana, Lima', '4242424242424242', "...", '- -']) {
      expect(validateName(name), name).to.equal('invalid');
    }
  });
});
