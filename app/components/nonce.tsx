import { createContext, useContext } from "react";

/** The per-request CSP nonce; empty in the browser, where scripts have already run. */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
