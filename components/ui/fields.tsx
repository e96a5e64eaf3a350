import type { ReactNode } from "react";
import { cn } from "./cn";

type Common = { id: string; label: string; hint?: ReactNode; error?: string };

function FieldWrap({ id, label, hint, error, children, asLegend, badge }: Common & { children: ReactNode; asLegend?: boolean; badge?: ReactNode }) {
  const labelEl = asLegend ? (
    <legend className="mb-1 block text-lg font-bold">
      {label}
      {badge}
    </legend>
  ) : (
    <label htmlFor={id} className="mb-1 block text-lg font-bold">
      {label}
      {badge}
    </label>
  );
  const body = (
    <>
      {labelEl}
      {hint ? (
        <div id={`${id}-hint`} className="mb-2 text-secondary">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      {children}
    </>
  );
  const cls = cn("mb-6", error && "border-l-4 border-error pl-4");
  return asLegend ? <fieldset className={cls}>{body}</fieldset> : <div className={cls}>{body}</div>;
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

const inputCls = (error?: string) => cn("block w-full max-w-xl border-2 bg-white p-1.5 text-lg", error ? "border-error" : "border-input");

export function TextInput({ id, name, label, hint, error, defaultValue, type = "text", autoComplete, width, inputMode, spellCheck, badge }: Common & {
  badge?: ReactNode;
  name?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "number";
  autoComplete?: string;
  width?: "short" | "full";
  inputMode?: "numeric" | "email" | "text";
  spellCheck?: boolean;
}) {
  return (
    <FieldWrap id={id} label={label} hint={hint} error={error} badge={badge}>
      <input
        id={id}
        name={name ?? id}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={cn(inputCls(error), width === "short" && "max-w-[8rem]")}
      />
    </FieldWrap>
  );
}

export function Select({ id, name, label, hint, error, defaultValue, options, badge }: Common & {
  badge?: ReactNode;
  name?: string;
  defaultValue?: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <FieldWrap id={id} label={label} hint={hint} error={error} badge={badge}>
      <select
        // A form action resets the form to each select's first default; remounting on a new default keeps
        // the choice a refused submission sent back (React updates a textarea's default, not a select's).
        key={defaultValue ?? ""}
        id={id}
        name={name ?? id}
        defaultValue={defaultValue ?? ""}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={cn(inputCls(error), "min-h-10")}
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrap>
  );
}

/** A yes/no question as GOV.UK inline radios. */
export function YesNo({ id, name, label, hint, error, defaultValue }: Common & { name?: string; defaultValue?: boolean }) {
  const n = name ?? id;
  return (
    <FieldWrap id={id} label={label} hint={hint} error={error} asLegend>
      <div className="flex gap-6" aria-describedby={describedBy(id, hint, error)}>
        {(["yes", "no"] as const).map((v, i) => (
          <label key={v} className="flex items-center gap-2 text-lg">
            <input
              id={i === 0 ? id : `${id}-${v}`}
              type="radio"
              name={n}
              value={v}
              defaultChecked={defaultValue === undefined ? undefined : defaultValue === (v === "yes")}
              className="size-8 accent-ink"
            />
            {v === "yes" ? "Yes" : "No"}
          </label>
        ))}
      </div>
    </FieldWrap>
  );
}

export function Button({ children, variant = "primary", name, value }: { children: ReactNode; variant?: "primary" | "secondary" | "warning"; name?: string; value?: string }) {
  const colours = {
    primary: "bg-button text-white hover:bg-button-hover shadow-[0_2px_0_var(--color-button-shadow)]",
    secondary: "bg-panel text-ink hover:bg-border shadow-[0_2px_0_#858686]",
    warning: "bg-error text-white hover:bg-[#aa2a16] shadow-[0_2px_0_#55150b]",
  }[variant];
  return (
    <button type="submit" name={name} value={value} className={cn("mb-6 inline-block px-4 py-2 text-lg font-bold", colours)}>
      {children}
    </button>
  );
}

export function Textarea({ id, name, label, hint, error, defaultValue, rows = 4, badge }: Common & { name?: string; defaultValue?: string; rows?: number; badge?: ReactNode }) {
  return (
    <FieldWrap id={id} label={label} hint={hint} error={error} badge={badge}>
      <textarea
        id={id}
        name={name ?? id}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={inputCls(error)}
      />
    </FieldWrap>
  );
}

/** GOV.UK radios, stacked or inline. */
export function Radios({ id, name, label, hint, error, defaultValue, options, inline = false, badge }: Common & {
  name?: string;
  defaultValue?: string;
  options: readonly { value: string; label: string }[];
  inline?: boolean;
  badge?: ReactNode;
}) {
  const n = name ?? id;
  return (
    <FieldWrap id={id} label={label} hint={hint} error={error} asLegend badge={badge}>
      <div className={inline ? "flex flex-wrap gap-6" : "space-y-2"}>
        {options.map((o, i) => (
          <label key={o.value} className="flex items-center gap-2 text-lg">
            <input id={i === 0 ? id : `${id}-${o.value}`} type="radio" name={n} value={o.value} defaultChecked={defaultValue === o.value} className="size-7 shrink-0 accent-ink" />
            {o.label}
          </label>
        ))}
      </div>
    </FieldWrap>
  );
}

/** GOV.UK date input: day, month and year boxes. */
export function DateInput({ id, label, hint, error, defaultValue }: Common & { defaultValue?: string }) {
  const [y, m, d] = (defaultValue ?? "").split("-");
  const box = (part: "day" | "month" | "year", value: string | undefined, w: string) => (
    <div>
      <label htmlFor={part === "day" ? id : `${id}-${part}`} className="block">
        {part[0]?.toUpperCase()}{part.slice(1)}
      </label>
      <input
        id={part === "day" ? id : `${id}-${part}`}
        name={`${id}-${part}`}
        inputMode="numeric"
        defaultValue={value ? String(Number(value)) : ""}
        aria-invalid={error ? true : undefined}
        className={cn(inputCls(error), w)}
      />
    </div>
  );
  return (
    <FieldWrap id={id} label={label} hint={hint} error={error} asLegend>
      <div className="flex gap-4">
        {box("day", d, "w-16")}
        {box("month", m, "w-16")}
        {box("year", y, "w-24")}
      </div>
    </FieldWrap>
  );
}
