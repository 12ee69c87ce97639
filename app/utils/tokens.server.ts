import crypto from "node:crypto";

/** 256 random bits, in a form that survives being pasted into a mail or a URL. */
export const newToken = () => crypto.randomBytes(32).toString("base64url");

/** What is stored of a token that works as a key (invitations, portal links and sessions): its SHA-256. */
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
