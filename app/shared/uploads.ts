/**
 * What the portal accepts as files, and how it tells: by the bytes, not by the name or the type the
 * browser claims. Zod-free; the server checks, the form only hints.
 */

export const uploadKinds = ["jpeg", "png", "webp", "gif", "mp4", "mov", "pdf"] as const;
export type UploadKind = (typeof uploadKinds)[number];

export const CONTENT_TYPES: Record<UploadKind, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  mp4: "video/mp4",
  mov: "video/quicktime",
  pdf: "application/pdf",
};

export const uploadPurposes = {
  /** Pictures and short videos that go with a draft. */
  draft_media: { kinds: ["jpeg", "png", "webp", "gif", "mp4", "mov"], maxBytes: 8 * 1024 * 1024, maxFiles: 4 },
  /** A screenshot of the post's statistics. */
  metrics_evidence: { kinds: ["jpeg", "png", "webp", "pdf"], maxBytes: 5 * 1024 * 1024, maxFiles: 1 },
  invoice: { kinds: ["pdf"], maxBytes: 5 * 1024 * 1024, maxFiles: 1 },
} as const satisfies Record<string, { kinds: readonly UploadKind[]; maxBytes: number; maxFiles: number }>;
export type UploadPurpose = keyof typeof uploadPurposes;

/** The file input's `accept` list for a purpose: a hint to the browser; the server checks the bytes. */
export function acceptFor(purpose: UploadPurpose): string {
  return uploadPurposes[purpose].kinds.map((kind) => CONTENT_TYPES[kind]).join(",");
}

/** The largest body any portal upload form can send: every file at its limit, and the text fields. */
export const MAX_UPLOAD_BODY_BYTES = Math.max(...Object.values(uploadPurposes).map((p) => p.maxBytes * p.maxFiles)) + 1024 * 1024;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The file's real kind from its first bytes, or null when it is none the portal takes. */
export function sniffUploadKind(bytes: Uint8Array): UploadKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, ascii("ftyp"), 4)) return startsWith(bytes, ascii("qt  "), 8) ? "mov" : "mp4";
  return null;
}

export type UploadProblem = "portal.files.wrongType" | "portal.files.tooLarge" | "portal.files.tooMany" | "portal.files.empty";

/** Checks one purpose's files; the first problem found, or the kinds in order. */
export function checkUploads(purpose: UploadPurpose, files: readonly { name: string; bytes: Uint8Array }[]): UploadProblem | UploadKind[] {
  const rules = uploadPurposes[purpose];
  if (files.length > rules.maxFiles) return "portal.files.tooMany";
  const kinds: UploadKind[] = [];
  for (const file of files) {
    if (file.bytes.length === 0) return "portal.files.empty";
    if (file.bytes.length > rules.maxBytes) return "portal.files.tooLarge";
    const kind = sniffUploadKind(file.bytes);
    if (!kind || !(rules.kinds as readonly UploadKind[]).includes(kind)) return "portal.files.wrongType";
    kinds.push(kind);
  }
  return kinds;
}

/** A file name safe to put in a Content-Disposition header and a ZIP: no paths, no control characters. */
export function safeFileName(name: string, kind: UploadKind): string {
  const base = [...(name.split(/[\\/]/).pop() ?? "")]
    .filter((char) => char.charCodeAt(0) > 0x1f && char !== "\u007f" && char !== '"')
    .join("")
    .trim()
    .slice(0, 120);
  const extension = kind === "jpeg" ? "jpg" : kind;
  if (!base) return `file.${extension}`;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}
