/**
 * The legal identities an invoice is issued under: a French SIRET (14 digits, Luhn key; La Poste's
 * establishments use the digit-sum rule instead) or an EU VAT number (country prefix and that
 * country's format, as VIES documents them). Format only: whether the number is registered is
 * VIES's and INSEE's to say.
 */

/** Luhn over the digits, as INSEE computes the SIREN and SIRET keys. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = "356000000";

export function normaliseLegalId(value: string): string {
  return value.replace(/[\s.-]/g, "").toUpperCase();
}

export function isValidSiret(value: string): boolean {
  const siret = normaliseLegalId(value);
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...siret].reduce((sum, digit) => sum + Number(digit), 0);
    return siret === "35600000000048" || digitSum % 5 === 0;
  }
  return luhnValid(siret.slice(0, 9)) && luhnValid(siret);
}

/** Each member state's VAT number after its prefix (VIES formats; Greece is EL, Northern Ireland XI). */
const VAT_FORMATS: Record<string, RegExp> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
  XI: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/,
};

/** A French VAT number's numeric key is derived from the SIREN: (12 + 3 × (SIREN mod 97)) mod 97. */
function frenchVatKeyValid(rest: string): boolean {
  const key = rest.slice(0, 2);
  if (!/^\d{2}$/.test(key)) return true; // the alphanumeric keys of newer numbers follow another rule
  const siren = Number(rest.slice(2));
  return Number(key) === (12 + 3 * (siren % 97)) % 97;
}

export function isValidEuVat(value: string): boolean {
  const vat = normaliseLegalId(value);
  const country = vat.slice(0, 2);
  const format = VAT_FORMATS[country];
  if (!format) return false;
  const rest = vat.slice(2);
  if (!format.test(rest)) return false;
  return country !== "FR" || frenchVatKeyValid(rest);
}
