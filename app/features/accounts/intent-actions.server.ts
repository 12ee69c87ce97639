import { json } from "@remix-run/node";
import type { Permission } from "~/shared/permissions";
import { requirePermission, type CurrentUser } from "./auth.server";

/** One thing a page's forms can do: who may do it, and the handler that does it. */
export type IntentHandler<Context> = (user: CurrentUser, context: Context, formData: FormData, request: Request) => Promise<Response>;
export type IntentTable<Intent extends string, Context> = Record<Intent, { permission: Permission; handle: IntentHandler<Context> }>;

/**
 * Runs the intent named in the form's URL (`?intent=…`). The user and their role are checked
 * before the body is read; an intent the table does not know is a 400, once the user has shown
 * they may write here at all (`fallback`), so strangers learn nothing of the page.
 */
export async function runIntent<Intent extends string, Context>(
  request: Request,
  intents: IntentTable<Intent, Context>,
  fallback: Permission,
  context: Context,
): Promise<Response> {
  const intent = new URL(request.url).searchParams.get("intent");
  const known = intent && Object.hasOwn(intents, intent) ? intents[intent as Intent] : null;
  const user = await requirePermission(request, known?.permission ?? fallback);
  if (!known) throw json({ message: "errors.invalidChoice" }, { status: 400 });
  return known.handle(user, context, await request.formData(), request);
}
