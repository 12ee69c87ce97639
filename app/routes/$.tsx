import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/features/accounts/index.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

export async function action({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  notFound();
}

export default function NotFound() {
  return null;
}
