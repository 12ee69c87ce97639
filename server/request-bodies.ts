import type { RequestHandler } from "express";
import { bodyRefusal } from "../app/utils/request-bodies.server";
import { sendPlainPage } from "./plain-page";

const messages = { 411: "errors.lengthRequired", 413: "errors.bodyTooLarge", 415: "errors.notAForm" } as const;

/** Refuses bodies that are too large, of unknown length or not forms, before they are read. */
export function limitRequestBodies(): RequestHandler {
  return (req, res, next) => {
    const refusal = bodyRefusal(req.method, req.path, {
      contentLength: req.get("content-length"),
      transferEncoding: req.get("transfer-encoding"),
      contentType: req.get("content-type"),
    });
    if (!refusal) return next();
    console.warn(`Refused the body of ${req.method} ${req.path}: ${refusal.reason}`);
    sendPlainPage(req, res, refusal.status, "errors.requestRefusedTitle", messages[refusal.status]);
  };
}
