import { getInputProps, getSelectProps, getTextareaProps, useField, useFormMetadata, type FieldMetadata } from "@conform-to/react";
import { Link, useLocation, useSearchParams } from "@remix-run/react";
import { lazy, Suspense, useRef, useState, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";
import { useTranslation } from "react-i18next";
import { messageParts } from "~/shared/violations";
import { formatNumber } from "~/shared/format";

/** What a field component needs to find its field in the surrounding ConformForm. */
export interface FieldRef {
  name: string;
  formId: string;
}

/** Errors are i18n keys from the shared zod schemas. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((error) => {
        const { key, values } = messageParts(error);
        return <li key={error}>{t(key as never, values)}</li>;
      })}
    </ul>
  );
}

/** Label, control, hint and errors: the frame every labelled field shares. */
function FieldFrame({
  field,
  label,
  hint,
  children,
}: {
  field: FieldMetadata<unknown>;
  label: string;
  hint?: ReactNode;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {children(hintId)}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

interface TextFieldProps {
  field: FieldRef;
  label: string;
  type?: "text" | "email" | "password" | "date" | "datetime-local" | "search" | "url";
  inputMode?: "numeric" | "decimal";
  autoComplete?: string;
  hint?: ReactNode;
  autoFocus?: boolean;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}

/**
 * Field components subscribe to their own field (useField inside the ConformForm provider):
 * Conform re-renders only the components that read a piece of state, so metadata handed down
 * from the form's host would miss errors reported on submit.
 */
export function TextField({ field: fieldProp, label, type = "text", autoComplete, hint, autoFocus, inputMode, list }: TextFieldProps) {
  const [field] = useField<string>(fieldProp.name, { formId: fieldProp.formId });
  return (
    <FieldFrame field={field} label={label} hint={hint}>
      {(describedBy) => (
        <input
          {...getInputProps(field, { type, ariaDescribedBy: describedBy })}
          key={field.key}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          inputMode={inputMode}
          list={list}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps {
  field: FieldRef;
  label: string;
  options: { value: string; label: string }[];
  hint?: ReactNode;
}

export function SelectField({ field: fieldProp, label, options, hint }: SelectFieldProps) {
  const [field] = useField<string>(fieldProp.name, { formId: fieldProp.formId });
  return (
    <FieldFrame field={field} label={label} hint={hint}>
      {(describedBy) => (
        <select {...getSelectProps(field, { ariaDescribedBy: describedBy })} key={field.key}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function TextAreaField({
  field: fieldProp,
  label,
  hint,
  rows = 4,
}: {
  field: FieldRef;
  label: string;
  hint?: ReactNode;
  rows?: number;
}) {
  const [field] = useField<string>(fieldProp.name, { formId: fieldProp.formId });
  const [length, setLength] = useState(() => (typeof field.initialValue === "string" ? field.initialValue.length : 0));
  const counted = field.maxLength ? <CharacterCount count={length} max={field.maxLength} /> : null;
  return (
    <FieldFrame
      field={field}
      label={label}
      hint={
        hint || counted ? (
          <>
            {hint}
            {hint && counted ? " " : null}
            {counted}
          </>
        ) : undefined
      }
    >
      {(describedBy) => (
        <textarea
          {...getTextareaProps(field, { ariaDescribedBy: describedBy })}
          key={field.key}
          rows={rows}
          onInput={(event) => setLength(event.currentTarget.value.length)}
        />
      )}
    </FieldFrame>
  );
}

/** How much of a long field's limit is used, before the server has to say "too long". */
function CharacterCount({ count, max }: { count: number; max: number }) {
  const { t, i18n } = useTranslation();
  const near = count > max * 0.9;
  return (
    <span className={near ? "character-count character-count-near" : "character-count"}>
      {t("forms.characterCount", { n: formatNumber(i18n.language, count), max: formatNumber(i18n.language, max) })}
    </span>
  );
}

export function CheckboxField({ field: fieldProp, label }: { field: FieldRef; label: string }) {
  const [field] = useField<boolean>(fieldProp.name, { formId: fieldProp.formId });
  return (
    <div className="field field-checkbox">
      <input {...getInputProps(field, { type: "checkbox" })} key={field.key} />
      <label htmlFor={field.id}>{label}</label>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Errors about the whole form (e.g. "wrong email or password"), above its fields. */
export function FormErrors() {
  const form = useFormMetadata();
  if (!form.errors?.length) return null;
  return (
    <div className="form-errors">
      <FieldErrors id={form.errorId} errors={form.errors} />
    </div>
  );
}

export function SubmitButton({ children, busy, className = "button" }: { children: ReactNode; busy: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={className} disabled={busy} aria-busy={busy}>
      {busy ? t("common.working") : children}
    </button>
  );
}

/** A submit button that asks before doing something hard to undo. */
/** A short, stable name for one confirmation on a page (its message names what it is about). */
function confirmKey(message: string): string {
  let hash = 0;
  for (const char of message) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) | 0;
  return (hash >>> 0).toString(36);
}

const loadConfirmDialog = () => import("./confirm-dialog");
const ConfirmDialog = lazy(loadConfirmDialog);

/**
 * A submit button that asks first, in an accessible dialog (Radix AlertDialog: focus moves into
 * it, Escape cancels, focus returns to the button). Confirming submits the button's own form.
 * Before JavaScript runs it is a link to the same page with `?confirm=…`, which shows the question
 * in the page with the real submit button, so nothing is done without being asked.
 */
export function ConfirmSubmitButton({
  children,
  confirmMessage,
  className = "button",
  formAction,
}: {
  children: ReactNode;
  confirmMessage: string;
  className?: string;
  /** Where the form posts when it is not this page. */
  formAction?: string;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const location = useLocation();
  const [params] = useSearchParams();
  const key = confirmKey(confirmMessage);
  const asked = params.get("confirm") === key;
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(asked);
  if (!hydrated) {
    const withConfirm = new URLSearchParams(params);
    withConfirm.set("confirm", key);
    const without = new URLSearchParams(params);
    without.delete("confirm");
    const back = `${location.pathname}${without.size ? `?${without}` : ""}`;
    return asked ? (
      <div role="alertdialog" aria-labelledby={`confirm-${key}`} className="dialog-inline">
        <p id={`confirm-${key}`} className="dialog-description m-0">
          {confirmMessage}
        </p>
        <div className="form-actions">
          <button type="submit" className="button" formAction={formAction ?? back}>
            {children}
          </button>
          <Link to={back} className="button button-quiet">
            {t("common.cancel")}
          </Link>
        </div>
      </div>
    ) : (
      <Link to={`${location.pathname}?${withConfirm}`} className={className}>
        {children}
      </Link>
    );
  }
  return (
    <>
      <button
        ref={button}
        type="submit"
        className={className}
        formAction={formAction}
        onPointerEnter={loadConfirmDialog}
        onFocus={loadConfirmDialog}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
      >
        {children}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ConfirmDialog open={open} onOpenChange={setOpen} message={confirmMessage} button={button}>
            {children}
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </>
  );
}
