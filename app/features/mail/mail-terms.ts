/** Mail's vocabulary and pure rules: templates, addresses, schedules (zod-free, for the browser too). */

/** The variables a template may use, written {{name}}. */
export const templateVariableNames = ["partnerName", "campaign", "gift", "dueDate", "portalLink"] as const;
export type TemplateVariable = (typeof templateVariableNames)[number];

export const templateLanguages = ["en", "fr"] as const;
export type TemplateLanguage = (typeof templateLanguages)[number];

export const smtpSecurities = ["starttls", "tls", "none"] as const;

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Every {{name}} a text uses, in order of first use. */
export function templateVariablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1]))];
}

export function unknownTemplateVariables(text: string): string[] {
  return templateVariablesIn(text).filter((name) => !(templateVariableNames as readonly string[]).includes(name));
}

/** Fills the variables that have a value; the others stay written as {{name}}, so a reviewer sees them. */
export function renderTemplate(text: string, values: Partial<Record<TemplateVariable, string>>): string {
  return text.replace(VARIABLE, (whole, name: string) => values[name as TemplateVariable] ?? whole);
}

/** Variables a draft still carries unfilled: it cannot go to review with them. */
export function unfilledVariables(text: string): string[] {
  return templateVariablesIn(text);
}

/** Templates are plain text: a tag in one would reach the partner as markup, or worse. */
export function containsMarkup(text: string): boolean {
  return /<\s*\/?\s*[a-z!?][^>]*>/i.test(text);
}

/** A line break in a header value would start another header (header injection). */
export function hasLineBreak(text: string): boolean {
  return /[\r\n\u2028\u2029\u0085]/.test(text);
}

/** The address a team puts in BCC or forwards to: log+<secret>@<domain>. */
export function logAddress(secret: string, domain: string): string {
  return `log+${secret}@${domain}`;
}

/** Whether a recipient given in RCPT TO is the log address (any domain when none is set). */
export function isLogAddress(address: string, secret: string, domain: string | null): boolean {
  const at = address.lastIndexOf("@");
  if (at < 1) return false;
  const local = address.slice(0, at).toLowerCase();
  const host = address.slice(at + 1).toLowerCase();
  return local === `log+${secret.toLowerCase()}` && (!domain || host === domain.toLowerCase());
}

/** Whether an address is the team's: a user's address, or one at a team domain. */
export function isTeamAddress(address: string, teamAddresses: ReadonlySet<string>, teamDomains: readonly string[]): boolean {
  const lower = address.toLowerCase();
  if (teamAddresses.has(lower)) return true;
  const domain = lower.slice(lower.lastIndexOf("@") + 1);
  return teamDomains.some((team) => domain === team.toLowerCase());
}

/** The first Monday-to-Friday of a month (UTC), the monthly report's day. Public holidays are not known. */
export function firstWorkingDay(year: number, month: number): string {
  for (let day = 1; day <= 7; day++) {
    const date = new Date(Date.UTC(year, month - 1, day));
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) return date.toISOString().slice(0, 10);
  }
  throw new Error("unreachable: every week has a working day");
}

/** The month before a day (YYYY-MM): what the report sent on that day covers. */
export function previousMonth(day: string): string {
  const [year, month] = day.split("-").map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

/** The most addresses one message may carry (From, To and Cc together) before it is refused. */
export const MAX_MESSAGE_ADDRESSES = 200;
/** The most RCPT TO the receiver takes for one message. */
export const MAX_ENVELOPE_RECIPIENTS = 50;
/** The largest message the receiver takes (SMTP SIZE) and an import reads. */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** What filing a batch of messages did: each outcome counted, refusals with their reason. */
export interface MailFilingSummary {
  logged: number;
  triage: number;
  bounce: number;
  duplicate: number;
  refused: { index: number; reason: string }[];
}
