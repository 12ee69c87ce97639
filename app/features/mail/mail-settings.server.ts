/** The workspace's mail settings (SMTP out, log address in, schedules) and each user's "from" identity. */
import { randomBytes } from "node:crypto";
import { type MailIdentityInput, type MailSettingsInput } from "./mail";
import { isLogAddress, logAddress } from "./mail-terms";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { sealSecret } from "~/utils/secret-box.server";
import { getSettings, type WorkspaceSettings } from "~/features/accounts/index.server";

/** Where the log address lives when no domain is set: the app's own host name. */
function defaultInboundDomain() {
  try {
    return process.env.APP_URL ? new URL(process.env.APP_URL).hostname : "localhost";
  } catch {
    return "localhost";
  }
}

/** The log address's secret part, made the first time anyone asks for it; `known` spares a second read of the settings. */
export async function inboundSecret(client: DbClient = db(), known?: WorkspaceSettings): Promise<string> {
  const settings = known ?? (await getSettings(client));
  if (settings.inboundSecret) return settings.inboundSecret;
  await client.workspaceSettings.updateMany({
    where: { id: 1, inboundSecret: null },
    data: { inboundSecret: randomBytes(9).toString("hex") },
  });
  return (await client.workspaceSettings.findUniqueOrThrow({ where: { id: 1 }, select: { inboundSecret: true } })).inboundSecret!;
}

export async function inboundAddress(): Promise<string> {
  const settings = await getSettings();
  return logAddress(await inboundSecret(db(), settings), settings.inboundDomain ?? defaultInboundDomain());
}

/** What the settings page shows: never the sealed password, only whether there is one. */
export async function mailSettingsView() {
  const settings = await getSettings();
  const { smtpPasswordSealed, ...rest } = settings;
  return { ...rest, hasSmtpPassword: smtpPasswordSealed !== null, logAddress: await inboundAddress() };
}

export function smtpConfigured(settings: WorkspaceSettings) {
  return Boolean(settings.smtpHost);
}

export async function updateMailSettings(actorId: string, input: MailSettingsInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.workspaceSettings.findUniqueOrThrow({ where: { id: 1 } });
    const passwordChange = input.clearSmtpPassword ? null : input.smtpPassword ? sealSecret(input.smtpPassword) : undefined;
    const data = {
      smtpHost: input.smtpHost ?? null,
      smtpPort: input.smtpPort,
      smtpSecurity: input.smtpSecurity,
      smtpUser: input.smtpUser ?? null,
      mailFromName: input.mailFromName ?? null,
      mailFromAddress: input.mailFromAddress ?? null,
      mailReplyTo: input.mailReplyTo ?? null,
      dailySendCap: input.dailySendCap,
      inboundDomain: input.inboundDomain ?? null,
      teamDomains: input.teamDomains ?? [],
      attachmentLimitBytes: input.attachmentLimitMb * 1024 * 1024,
      monthlyReportHourUtc: input.monthlyReportHourUtc ?? null,
      monthlyReportRecipients: input.monthlyReportRecipients ?? [],
      digestHourUtc: input.digestHourUtc ?? null,
    };
    const after = await tx.workspaceSettings.update({
      where: { id: 1 },
      data: { ...data, ...(passwordChange !== undefined ? { smtpPasswordSealed: passwordChange } : {}) },
    });
    const visible = (row: typeof before) => ({ ...Object.fromEntries(Object.keys(data).map((k) => [k, row[k as keyof typeof row]])) });
    await recordAudit(tx, {
      actorId,
      action: "settings.mail",
      entityType: "WorkspaceSettings",
      entityId: "1",
      before: visible(before),
      // The password itself never enters the audit trail; that it changed does.
      after: {
        ...visible(after),
        smtpPassword: passwordChange === undefined ? "unchanged" : passwordChange === null ? "removed" : "changed",
      },
    });
    return after;
  });
}

/** A new secret: the old log address stops working at once. */
export async function renewInboundSecret(actorId: string) {
  return db().$transaction(async (tx) => {
    const secret = randomBytes(9).toString("hex");
    await tx.workspaceSettings.update({ where: { id: 1 }, data: { inboundSecret: secret } });
    await recordAudit(tx, { actorId, action: "settings.mail_address_renewed", entityType: "WorkspaceSettings", entityId: "1" });
  });
}

export function mailIdentity(userId: string) {
  return db().user.findUniqueOrThrow({ where: { id: userId }, select: { mailFromName: true, mailFromAddress: true, mailReplyTo: true } });
}

export async function updateMailIdentity(userId: string, input: MailIdentityInput) {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { mailFromName: true, mailFromAddress: true, mailReplyTo: true },
    });
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        mailFromName: input.mailFromName ?? null,
        mailFromAddress: input.mailFromAddress ?? null,
        mailReplyTo: input.mailReplyTo ?? null,
      },
      select: { mailFromName: true, mailFromAddress: true, mailReplyTo: true },
    });
    await recordAudit(tx, { actorId: userId, action: "user.mail_identity", entityType: "User", entityId: userId, before, after });
  });
}

/** Who a user's mail comes from: their own identity, else the workspace's (name defaults to theirs). */
export function senderIdentity(
  user: { name: string; email: string; mailFromName: string | null; mailFromAddress: string | null; mailReplyTo: string | null },
  settings: WorkspaceSettings,
) {
  const address = user.mailFromAddress ?? settings.mailFromAddress;
  if (!address) return null;
  return {
    name: user.mailFromAddress ? (user.mailFromName ?? user.name) : (settings.mailFromName ?? user.name),
    address,
    replyTo: user.mailReplyTo ?? settings.mailReplyTo ?? null,
  };
}

/** Every address that is the team's: users' sign-in and "from" addresses, and the workspace's. */
export async function teamAddresses(client: DbClient = db()): Promise<Set<string>> {
  const [users, settings] = await Promise.all([
    client.user.findMany({ select: { email: true, mailFromAddress: true, mailReplyTo: true } }),
    getSettings(client),
  ]);
  const addresses = new Set<string>();
  for (const user of users)
    for (const address of [user.email, user.mailFromAddress, user.mailReplyTo]) if (address) addresses.add(address.toLowerCase());
  for (const address of [settings.mailFromAddress, settings.mailReplyTo]) if (address) addresses.add(address.toLowerCase());
  return addresses;
}

/** Whether the receiver takes mail for this address: the log address, at the set domain when there is one. */
export async function acceptsLogRecipient(address: string): Promise<boolean> {
  const settings = await getSettings(db());
  return isLogAddress(address, await inboundSecret(db(), settings), settings.inboundDomain);
}
