import { describe, expect, it } from "vitest";
import { bodyRefusal, MAX_FORM_BODY_BYTES, MAX_IMPORT_BODY_BYTES } from "~/utils/request-bodies.server";

const form = "application/x-www-form-urlencoded";

describe("request bodies are bounded before they are read", () => {
  it("accepts forms within the route's limit", () => {
    expect(bodyRefusal("POST", "/partners/new", { contentLength: "2048", contentType: form })).toBeNull();
    expect(
      bodyRefusal("POST", "/partners/import", {
        contentLength: String(MAX_IMPORT_BODY_BYTES),
        contentType: "multipart/form-data; boundary=x",
      }),
    ).toBeNull();
    expect(bodyRefusal("POST", "/logout", { contentLength: "0" })).toBeNull();
    expect(bodyRefusal("GET", "/partners", {})).toBeNull();
  });

  it("refuses what is too large for its route, or of unknown length", () => {
    expect(bodyRefusal("POST", "/login", { contentLength: String(200 * 1024 * 1024), contentType: form })?.status).toBe(413);
    expect(bodyRefusal("POST", "/partners/new", { contentLength: String(MAX_FORM_BODY_BYTES + 1), contentType: form })?.status).toBe(413);
    expect(
      bodyRefusal("POST", "/partners/import", { contentLength: String(MAX_IMPORT_BODY_BYTES + 1), contentType: "multipart/form-data" })
        ?.status,
    ).toBe(413);
    expect(bodyRefusal("POST", "/login", { contentLength: "12abc", contentType: form })?.status).toBe(413);
    expect(bodyRefusal("POST", "/login", { transferEncoding: "chunked", contentType: form })?.status).toBe(411);
  });

  it("refuses bodies that are not forms", () => {
    expect(bodyRefusal("POST", "/partners/new", { contentLength: "20", contentType: "application/json" })?.status).toBe(415);
    expect(bodyRefusal("POST", "/partners/new", { contentLength: "20", contentType: "text/plain" })?.status).toBe(415);
    expect(bodyRefusal("POST", "/partners/new", { contentLength: "20" })?.status).toBe(415);
  });
});
