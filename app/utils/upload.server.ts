import type { UploadKind } from "~/shared/uploads";
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { decodeCsvBytes } from "~/shared/csv";
import { checkUploads, safeFileName, uploadPurposes, type UploadPurpose } from "~/shared/uploads";

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

// The confirmed file comes back as text; UTF-16 length can exceed the byte size of the upload.
export const ConfirmImportSchema = z.object({
  csv: z
    .string()
    .min(1)
    .max(MAX_CSV_BYTES * 2),
});

export function isUpload(request: Request) {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

/** The uploaded CSV's text, or the i18n key and status of what is wrong with the upload. */
export async function readCsvUpload(request: Request): Promise<string | { error: string; status: number }> {
  return (await readCsvUploadWithFields(request)).text;
}

/** The uploaded CSV's text with the form's other fields (an order file names its shop). */
export async function readCsvUploadWithFields(
  request: Request,
): Promise<{ text: string | { error: string; status: number }; fields: FormData | null }> {
  try {
    const formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }));
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { text: { error: "import.missingFile", status: 400 }, fields: formData };
    return { text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())), fields: formData };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { text: { error: "import.tooLarge", status: 413 }, fields: null };
    // Nothing but the parser runs here: a body it cannot read is the client's mistake.
    return { text: { error: "import.badUpload", status: 400 }, fields: null };
  }
}

export type PortalFormRead =
  | { ok: true; formData: FormData; files: Record<string, UploadedFile[]> }
  | { ok: false; formData: FormData | null; field: string; message: string; status: 400 | 413 | 415 | 422 };

/**
 * A portal form with files: each file field has its purpose, whose types and sizes are checked on
 * the bytes. Every file is held in memory, so the part size is capped before anything is kept.
 */
export async function readPortalForm(request: Request, fileFields: Record<string, UploadPurpose>): Promise<PortalFormRead> {
  const firstField = Object.keys(fileFields)[0];
  if (!isUpload(request)) {
    try {
      return { ok: true, formData: await request.formData(), files: Object.fromEntries(Object.keys(fileFields).map((f) => [f, []])) };
    } catch {
      return { ok: false, formData: null, field: firstField, message: "import.badUpload", status: 400 };
    }
  }
  const maxPartSize = Math.max(...Object.values(fileFields).map((purpose) => uploadPurposes[purpose].maxBytes));
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, formData: null, field: firstField, message: "portal.files.tooLarge", status: 413 };
    return { ok: false, formData: null, field: firstField, message: "import.badUpload", status: 400 };
  }
  const files: Record<string, UploadedFile[]> = {};
  for (const [field, purpose] of Object.entries(fileFields)) {
    const given = formData.getAll(field).filter((value): value is File => value instanceof File && (value.size > 0 || value.name !== ""));
    const read = await Promise.all(given.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
    const kinds = checkUploads(purpose, read);
    if (!Array.isArray(kinds))
      return {
        ok: false,
        formData,
        field,
        message: kinds,
        status: kinds === "portal.files.wrongType" ? 415 : kinds === "portal.files.tooLarge" ? 413 : 422,
      };
    files[field] = read.map((file, i) => ({ name: safeFileName(file.name, kinds[i]), kind: kinds[i], bytes: file.bytes }));
    formData.delete(field);
  }
  return { ok: true, formData, files };
}

/** The .eml and .mbox files of a mail history upload, or what is wrong with the upload. */
export async function readMailUpload(request: Request): Promise<{ name: string; bytes: Buffer }[] | { error: string; status: 400 | 413 }> {
  if (!isUpload(request)) return { error: "import.missingFile", status: 400 };
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_MAIL_FILE_BYTES }),
    );
    const files = formData.getAll("files").filter((value): value is File => value instanceof File && value.size > 0);
    if (files.length === 0) return { error: "import.missingFile", status: 400 };
    return Promise.all(files.map(async (file) => ({ name: file.name.slice(0, 255), bytes: Buffer.from(await file.arrayBuffer()) })));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { error: "mailImport.fileTooLarge", status: 413 };
    return { error: "import.badUpload", status: 400 };
  }
}

export const MAX_MAIL_FILE_BYTES = 50 * 1024 * 1024;

/** A file as the request carried it, once its kind is known. */
export interface UploadedFile {
  name: string;
  kind: UploadKind;
  bytes: Uint8Array;
}
