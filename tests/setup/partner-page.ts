import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { partnerPageIntentRoutes, PartnerTabSchema, type PartnerTab } from "~/features/partners";
import * as layout from "~/routes/partners.$partnerId";
import * as overview from "~/routes/partners.$partnerId._index";
import * as costBenefit from "~/routes/partners.$partnerId.cost-benefit";
import * as coverage from "~/routes/partners.$partnerId.coverage";
import * as history from "~/routes/partners.$partnerId.history";
import * as outreach from "~/routes/partners.$partnerId.outreach";
import * as spend from "~/routes/partners.$partnerId.spend";

const tabRoutes: Record<PartnerTab, { loader: (args: LoaderFunctionArgs) => Promise<Response> }> = {
  overview,
  outreach,
  spend,
  coverage,
  "cost-benefit": costBenefit,
  history,
};
const intentRoutes = { header: layout, overview, outreach } as const;

/** The tab an address opens: its last path segment (`/partners/:id/spend`), or the old `?tab=`. */
function tabOf(url: URL): PartnerTab {
  const [, , , section] = url.pathname.split("/");
  return PartnerTabSchema.parse(section ?? url.searchParams.get("tab") ?? undefined);
}

/**
 * The partner page as Remix serves it: the layout's loader with the open tab's (their data side by
 * side, as the page sees it, and the tab's status), and each intent's action on the route that owns it.
 */
export const partnerPage = {
  async loader(args: LoaderFunctionArgs) {
    const url = new URL(args.request.url);
    const tab = tabOf(url);
    url.searchParams.delete("tab");
    const tabArgs = { ...args, request: new Request(url, { headers: args.request.headers }) };
    const [page, section] = await Promise.all([layout.loader(args), tabRoutes[tab].loader(tabArgs)]);
    return json({ tab, ...(await page.json()), ...(await section.json()) }, { status: section.status });
  },
  action(args: ActionFunctionArgs) {
    const intent = new URL(args.request.url).searchParams.get("intent") ?? "";
    const owner = Object.hasOwn(partnerPageIntentRoutes, intent)
      ? partnerPageIntentRoutes[intent as keyof typeof partnerPageIntentRoutes]
      : "overview";
    return intentRoutes[owner].action(args);
  },
};
