import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";
import { decodeCsvBytes } from "~/domain/csv";

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
  try {
    const formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }));
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { error: "import.missingFile", status: 400 };
    return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { error: "import.tooLarge", status: 413 };
    // Nothing but the parser runs here: a body it cannot read is the client's mistake.
    return { error: "import.badUpload", status: 400 };
  }
}
