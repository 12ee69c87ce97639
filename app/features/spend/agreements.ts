/**
 * Written agreements made from templates (English and French). A template carries the clauses
 * article 8 of loi n° 2023-451 lists: the parties, the services, the remuneration and benefits in
 * kind, intellectual-property and usage rights, the disclosure duties, and the applicable law.
 * An agreement's text is rendered once, when it is made, and never changes: the signature is made
 * on its SHA-256. A changed template is a new version; agreements keep the version they were made
 * from.
 */
import { z } from "zod";
import { agreementLanguages } from "./agreement-terms";
import { optionalField, optionalText } from "~/shared/rules";
import { withFrenchSpacing } from "~/shared/french-typography";

import type { AgreementLanguage } from "./agreement-terms";

export const AGREEMENT_TEMPLATE_VERSION = 1;

export interface AgreementFacts {
  brandName: string;
  partnerName: string;
  partnerEmail: string | null;
  partnerCountry: string | null;
  year: number;
  campaignName: string | null;
  /** One line per placement: its title, deliverables and due dates, already formatted. */
  services: string[];
  /** One line per fee, formatted in its currency. */
  fees: string[];
  /** One line per gift, with its value, formatted. */
  benefitsInKind: string[];
  /** The euro total the threshold is counted on, formatted. */
  totalExcludingVat: string;
  usageRights: string | null;
  /** The disclosure the partner must write, e.g. «Publicité» or «Collaboration commerciale». */
  disclosureMarkers: string[];
  madeOn: string;
}

type Template = (facts: AgreementFacts) => string;

/** Free text that a sentence of the template ends: its own final period would make it "6 mois..". */
const clause = (text: string | null) => text?.trim().replace(/[\s.]+$/, "") || null;

const bullets = (lines: string[], none: string) => (lines.length ? lines.map((line) => `  - ${line}`).join("\n") : `  - ${none}`);

const templates: Record<AgreementLanguage, Template> = {
  fr: (f) => `CONTRAT DE COLLABORATION COMMERCIALE (INFLUENCE)
Article 8 de la loi n° 2023-451 du 9 juin 2023 et décret n° 2025-1137

1. Les parties
L’annonceur : ${f.brandName}.
L’influenceur : ${f.partnerName}${f.partnerEmail ? `, joignable à ${f.partnerEmail}` : ""}${f.partnerCountry ? `, résidence fiscale : ${f.partnerCountry}` : ""}.

2. Objet et missions confiées
Objectif promotionnel : ${f.campaignName ?? "collaborations hors campagne"}, année ${f.year}.
${bullets(f.services, "Publication de contenus présentant les produits reçus, selon le brief de l’annonceur.")}

3. Rémunération et avantages en nature (montants hors taxes)
Rémunération :
${bullets(f.fees, "aucune rémunération monétaire")}
Avantages en nature :
${bullets(f.benefitsInKind, "aucun")}
Total cumulé pour cet objectif sur l’année : ${f.totalExcludingVat} HT.

4. Propriété intellectuelle et droits d’utilisation
L’influenceur reste titulaire des droits sur ses contenus. Il concède à l’annonceur, à titre non exclusif, le droit de les reproduire et de les représenter dans les limites suivantes : ${clause(f.usageRights) ?? "partage des publications sur les comptes de l’annonceur, sans modification, pendant douze mois, pour le monde entier"}.

5. Obligations de transparence
L’influenceur indique clairement, de manière lisible et identifiable, le caractère commercial de chaque contenu, par la mention ${f.disclosureMarkers.map((m) => `« ${m} »`).join(" ou ")}, placée au début du contenu et avant le repli « plus ». Il ajoute les mentions « Image retouchée » ou « Image virtuelle » lorsque la loi l’exige. Chaque contenu est soumis à l’annonceur avant publication.

6. Droit applicable
Le présent contrat est soumis au droit français. Les parties rechercheront une solution amiable avant de saisir les juridictions compétentes.

Fait le ${f.madeOn}, en version électronique. Signature électronique simple de l’influenceur par saisie de son nom et acceptation expresse.`,
  en: (f) => `COMMERCIAL INFLUENCE AGREEMENT
Article 8 of French law no. 2023-451 of 9 June 2023 and decree no. 2025-1137

1. The parties
The advertiser: ${f.brandName}.
The influencer: ${f.partnerName}${f.partnerEmail ? `, reachable at ${f.partnerEmail}` : ""}${f.partnerCountry ? `, tax residence: ${f.partnerCountry}` : ""}.

2. Purpose and services
Promotional objective: ${f.campaignName ?? "collaborations outside a campaign"}, year ${f.year}.
${bullets(f.services, "Publishing content that presents the products received, following the advertiser's brief.")}

3. Remuneration and benefits in kind (excluding VAT)
Remuneration:
${bullets(f.fees, "no cash remuneration")}
Benefits in kind:
${bullets(f.benefitsInKind, "none")}
Running total for this objective in the year: ${f.totalExcludingVat} excluding VAT.

4. Intellectual property and usage rights
The influencer keeps the rights in their content. They grant the advertiser a non-exclusive right to reproduce and show it within these limits: ${clause(f.usageRights) ?? "sharing the posts on the advertiser's own accounts, unaltered, for twelve months, worldwide"}.

5. Disclosure duties
The influencer discloses the commercial nature of each piece of content clearly, legibly and identifiably, with ${f.disclosureMarkers.map((m) => `"${m}"`).join(" or ")}, at the start of the content and before the "more" fold. They add the mentions "retouched image" or "virtual image" where the law requires them. Each piece of content is submitted to the advertiser before it is published.

6. Applicable law
This agreement is governed by French law. The parties will seek an amicable solution before going to the competent courts.

Made on ${f.madeOn}, electronically. Simple electronic signature by the influencer, by typing their name and expressly accepting.`,
};

export function renderAgreement(language: AgreementLanguage, facts: AgreementFacts): string {
  const text = templates[language](facts);
  return language === "fr" ? withFrenchSpacing(text) : text;
}

export const AgreementCreateSchema = z.object({
  campaignId: optionalField(z.string().trim().min(1).max(64)),
  year: z.preprocess(
    (value) => (typeof value === "string" && /^\d{4}$/.test(value.trim()) ? Number(value) : value),
    z.number({ error: "errors.invalidNumber" }).int().min(2026, "agreements.yearTooEarly").max(2100, "errors.tooLarge"),
  ),
  language: z.enum(agreementLanguages, { error: "errors.invalidChoice" }),
  usageRights: optionalText(2000),
});
export type AgreementCreateInput = z.output<typeof AgreementCreateSchema>;

export const AgreementSignSchema = z.object({
  signerName: z.string({ error: "errors.required" }).trim().min(2, "portal.agreement.nameNeeded").max(200, "errors.tooLong"),
  consent: z.literal("on", { error: "portal.agreement.consentNeeded" }),
});
export type AgreementSignInput = z.output<typeof AgreementSignSchema>;
