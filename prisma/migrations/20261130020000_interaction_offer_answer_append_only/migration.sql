-- The outreach log stays append-only with its new column: an offer answer recorded from the
-- portal cannot be changed afterwards either. Erasure (personal_data) still empties only the
-- subject and body of an erased partner's entries.
CREATE OR REPLACE FUNCTION "interaction_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'Interaction rows are append-only';
  END IF;
  IF NEW."subject" IS NULL AND NEW."body" = ''
     AND ROW(NEW."id", NEW."type", NEW."direction", NEW."occurredAt", NEW."authorId", NEW."correctsId", NEW."draftId", NEW."createdAt", NEW."partnerId", NEW."offerAnswer")
         IS NOT DISTINCT FROM
         ROW(OLD."id", OLD."type", OLD."direction", OLD."occurredAt", OLD."authorId", OLD."correctsId", OLD."draftId", OLD."createdAt", OLD."partnerId", OLD."offerAnswer")
     AND EXISTS (SELECT 1 FROM "Partner" p WHERE p."id" = NEW."partnerId" AND p."erasedAt" IS NOT NULL) THEN
    RETURN NEW;
  END IF;
  IF ROW(NEW."id", NEW."type", NEW."direction", NEW."subject", NEW."body", NEW."occurredAt", NEW."authorId", NEW."correctsId", NEW."draftId", NEW."createdAt", NEW."offerAnswer")
     IS DISTINCT FROM
     ROW(OLD."id", OLD."type", OLD."direction", OLD."subject", OLD."body", OLD."occurredAt", OLD."authorId", OLD."correctsId", OLD."draftId", OLD."createdAt", OLD."offerAnswer") THEN
    RAISE EXCEPTION 'Interaction rows are append-only: add a correction instead';
  END IF;
  RETURN NEW;
END;
$$;
