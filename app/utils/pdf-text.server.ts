// The standard PDF fonts are WinAnsi: Intl's narrow no-break space (French grouping) is not in it.
export const pdfText = (text: string) => text.replace(/[\u202f\u2009]/g, "\u00a0").replace(/\u2212/g, "-");
