/**
 * Validation of the mailing contact fields and the name on the card. Returns codes; the
 * elements turn them into localized texts. No DOM.
 */

export type EmailValidity = 'ok' | 'required' | 'invalid';
export type PhoneValidity = 'ok' | 'invalid';
export type RequiredTextValidity = 'ok' | 'required';
export type NameValidity = 'ok' | 'required' | 'invalid';

/** The local part the HTML `type=email` input accepts (WHATWG "valid e-mail address"). */
const EMAIL_LOCAL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;
/** One domain label in ASCII (punycode for internationalized names). */
const DOMAIN_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;

/**
 * An email address as the HTML email input accepts it (ASCII local part, domain labels of
 * letters, digits and inner hyphens; internationalized domains accepted as the browser does,
 * through their punycode form), made stricter where a billing mailbox needs it: the domain
 * must have at least one dot ("ana@localhost" is not reachable by mail) and the address fits
 * the 254 characters mail systems allow. Surrounding spaces are ignored.
 */
export function validateEmail(s: string): EmailValidity {
  const value = s.trim();
  if (value === '') return 'required';
  if (value.length > 254) return 'invalid';
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return 'invalid';
  if (!EMAIL_LOCAL.test(value.slice(0, at))) return 'invalid';
  const domain = asciiDomain(value.slice(at + 1));
  if (domain === null) return 'invalid';
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return 'invalid';
  return 'ok';
}

/** The domain in ASCII (punycode via the URL parser), or null when it is not a host name. */
function asciiDomain(domain: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(domain)) return domain;
  if (/[\s/\\?#@:%[\]]/u.test(domain)) return null;
  try {
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return null;
  }
}

/**
 * An optional phone number: empty is fine; otherwise digits, spaces and `+ - ( ) .` only,
 * with `+` only in front, and 5 to 20 digits.
 */
export function validatePhone(s: string): PhoneValidity {
  const value = s.trim();
  if (value === '') return 'ok';
  if (!/^\+?[\p{Nd}\s\-().]+$/u.test(value)) return 'invalid';
  const digits = value.match(/\p{Nd}/gu)?.length ?? 0;
  return digits >= 5 && digits <= 20 ? 'ok' : 'invalid';
}

/** A required free-text field: anything but blank. */
export function validateRequiredText(s: string): RequiredTextValidity {
  return s.trim() === '' ? 'required' : 'ok';
}

/**
 * The name on the card: letters of any script (with their combining marks), spaces, and
 * `.` `'` `’` `-` ("Zoë O’Brien-Núñez", "山田 太郎", "J. R. Smith"). At least one
 * letter; digits and other symbols are invalid.
 */
export function validateName(s: string): NameValidity {
  const value = s.trim();
  if (value === '') return 'required';
  if (!/^[\p{L}\p{M}\s.'’-]+$/u.test(value)) return 'invalid';
  return /\p{L}/u.test(value) ? 'ok' : 'invalid';
}
