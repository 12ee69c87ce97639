import {
  AcceptInvitationSchema,
  AdminSetPasswordSchema,
  ChangePasswordSchema,
  CreateUserSchema,
  EditUserSchema,
  InviteUserSchema,
  LoginSchema,
  ProfileSchema,
  SetupSchema,
} from "~/features/accounts";
import {
  AgreementCreateSchema,
  AgreementSignSchema,
  CampaignFormSchema,
  DeliverableFormSchema,
  ExchangeRateFormSchema,
  GiftBatchFormSchema,
  GiftReturnSchema,
  GiftShipmentSchema,
  PaymentFormSchema,
  PlacementFormSchema,
  ProductFormSchema,
  WorkspaceSettingsSchema,
} from "~/features/spend";
import {
  ContentDraftSchema,
  ContentReviewSchema,
  ContentVersionSchema,
  InvoiceSchema,
  PublishedPostSchema,
  GiftAddressSchema,
  OfferAnswerSchema,
} from "~/features/portal";
import { CoverageFormSchema, EditCoverageSchema, MetricsFormSchema, ReviewFormSchema, RuleSetFormSchema } from "~/features/compliance";
import { DraftSchema, LogInteractionSchema, ReviewSchema, TaskSchema } from "~/features/outreach";
import { ChannelFormSchema, EditPartnerSchema, PartnerFormSchema } from "~/features/partners";

import { TrackedLinkSchema, FeedFormSchema, PromoCodeSchema, ShopSchema } from "~/features/attribution";
import { DraftFromTemplateSchema, MailIdentitySchema, MailSettingsSchema, TemplateSchema, TriageAttachSchema } from "~/features/mail";

/**
 * Every form the browser renders, by name. The schemas validate on the server only; the browser
 * gets their HTML constraints (required, maxLength…) from form-constraints.generated.ts, so no
 * zod ships to the client (ADR 0008).
 */
export const formSchemas = {
  mailSettings: MailSettingsSchema,
  mailIdentity: MailIdentitySchema,
  template: TemplateSchema,
  draftFromTemplate: DraftFromTemplateSchema,
  triage: TriageAttachSchema,
  trackedLink: TrackedLinkSchema,
  channelFeed: FeedFormSchema,
  promoCode: PromoCodeSchema,
  shop: ShopSchema,
  acceptInvitation: AcceptInvitationSchema,
  agreementCreate: AgreementCreateSchema,
  agreementSign: AgreementSignSchema,
  contentDraft: ContentDraftSchema,
  contentReview: ContentReviewSchema,
  contentVersion: ContentVersionSchema,
  invoice: InvoiceSchema,
  publishedPost: PublishedPostSchema,
  adminSetPassword: AdminSetPasswordSchema,
  campaign: CampaignFormSchema,
  changePassword: ChangePasswordSchema,
  channel: ChannelFormSchema,
  coverage: CoverageFormSchema,
  createUser: CreateUserSchema,
  deliverable: DeliverableFormSchema,
  draft: DraftSchema,
  draftReview: ReviewSchema,
  editCoverage: EditCoverageSchema,
  editPartner: EditPartnerSchema,
  editUser: EditUserSchema,
  exchangeRate: ExchangeRateFormSchema,
  giftBatch: GiftBatchFormSchema,
  giftReturn: GiftReturnSchema,
  giftShipment: GiftShipmentSchema,
  inviteUser: InviteUserSchema,
  logInteraction: LogInteractionSchema,
  login: LoginSchema,
  metrics: MetricsFormSchema,
  offerAnswer: OfferAnswerSchema,
  giftAddress: GiftAddressSchema,
  partner: PartnerFormSchema,
  payment: PaymentFormSchema,
  placement: PlacementFormSchema,
  product: ProductFormSchema,
  profile: ProfileSchema,
  disclosureReview: ReviewFormSchema,
  ruleSet: RuleSetFormSchema,
  setup: SetupSchema,
  task: TaskSchema,
  workspaceSettings: WorkspaceSettingsSchema,
} as const;

export type FormSchemas = typeof formSchemas;
export type FormName = keyof FormSchemas;
