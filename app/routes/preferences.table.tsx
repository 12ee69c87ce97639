import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { TablePreferenceSchema } from "~/features/partners";
import { requireUser } from "~/features/accounts/index.server";
import { saveTablePreference } from "~/features/partners/index.server";
import { safeRedirect } from "~/utils/redirect";

/** Saves how the signed-in user likes a list (columns, density), then goes back to it. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const parsed = TablePreferenceSchema.safeParse({ ...Object.fromEntries(formData), columns: formData.getAll("columns") });
  if (!parsed.success) return json({ error: parsed.error.issues[0].message }, { status: 400 });
  await saveTablePreference(user.id, parsed.data);
  return redirect(safeRedirect(formData.get("redirectTo"), "/"));
}

export function loader() {
  throw json({ message: "errors.notFound" }, { status: 404 });
}
