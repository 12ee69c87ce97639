// The spend feature's door for the server only: its data access and server work.
export * from "./agreement-pdf-response.server";
export * from "./agreement-pdf.server";
export * from "./agreements.server";
export * from "./campaign.server";
export * from "./gift-address.server";
export * from "./gift.server";
export * from "./placement.server";
export * from "./product.server";
export * from "./spend-import.server";
export * from "./spend.server";
export * from "./written-agreement.server";
