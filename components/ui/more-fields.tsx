import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * More GOV.UK form fields, in the same style as ./fields.tsx: a single checkbox, a date input that
 * puts back exactly what was typed (even when it is not a date), and radios with a hint per option.
 */

type Common = { id: string; label: string; hint?: ReactNode; error?: string };

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function ErrorLine({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="mb-2 font-bold text-error">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  ) : null;
}

/** A single GOV.UK checkbox inside its own fieldset, with a legend for the question. */
export function Checkbox({ id, name, legend, label, hint, error, defaultChecked, value = "yes" }: Common & { name?: string; legend: string; defaultChecked?: boolean; value?: string }) {
  return (
    <fieldset className={cn("mb-6", error && "border-l-4 border-error pl-4")} aria-describedby={describedBy(id, hint, error)}>
      <legend className="mb-1 block text-lg font-bold">{legend}</legend>
      {hint ? (
        <div id={`${id}-hint`} className="mb-2 text-secondary">
          {hint}
        </div>
      ) : null}
      <ErrorLine id={id} error={error} />
      <div className="flex items-center gap-3">
        <input id={id} name={name ?? id} type="checkbox" value={value} defaultChecked={defaultChecked} className="size-8 shrink-0 accent-ink" />
        <label htmlFor={id} className="text-lg">
          {label}
        </label>
      </div>
    </fieldset>
  );
}

/**
 * GOV.UK date input whose boxes are filled from the parts as typed, so "31 2 1990" comes back as
 * typed after the error. Names are `${id}-day`, `${id}-month` and `${id}-year`; the day box has the
 * id itself, so an error summary link to `#${id}` lands on it.
 */
export function DatePartsInput({ id, label, hint, error, day = "", month = "", year = "" }: Common & { day?: string; month?: string; year?: string }) {
  const inputCls = (w: string) => cn("block border-2 bg-white p-1.5 text-lg", error ? "border-error" : "border-input", w);
  const box = (part: "day" | "month" | "year", value: string, w: string) => {
    const boxId = part === "day" ? id : `${id}-${part}`;
    return (
      <div>
        <label htmlFor={boxId} className="block">
          {part[0]?.toUpperCase()}
          {part.slice(1)}
        </label>
        <input id={boxId} name={`${id}-${part}`} inputMode="numeric" defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} className={inputCls(w)} />
      </div>
    );
  };
  return (
    <fieldset className={cn("mb-6", error && "border-l-4 border-error pl-4")}>
      <legend className="mb-1 block text-lg font-bold">{label}</legend>
      {hint ? (
        <div id={`${id}-hint`} className="mb-2 text-secondary">
          {hint}
        </div>
      ) : null}
      <ErrorLine id={id} error={error} />
      <div className="flex gap-4">
        {box("day", day, "w-16")}
        {box("month", month, "w-16")}
        {box("year", year, "w-24")}
      </div>
    </fieldset>
  );
}

/** GOV.UK radios, stacked, each option with its own hint under the label. */
export function RadiosWithHints({ id, name, label, hint, error, defaultValue, options, badge }: Common & {
  name?: string;
  defaultValue?: string;
  options: readonly { value: string; label: string; hint?: string }[];
  badge?: ReactNode;
}) {
  const n = name ?? id;
  return (
    <fieldset className={cn("mb-6", error && "border-l-4 border-error pl-4")} aria-describedby={describedBy(id, hint, error)}>
      <legend className="mb-1 block text-lg font-bold">
        {label}
        {badge}
      </legend>
      {hint ? (
        <div id={`${id}-hint`} className="mb-2 text-secondary">
          {hint}
        </div>
      ) : null}
      <ErrorLine id={id} error={error} />
      <div className="space-y-3">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div key={o.value} className="flex items-start gap-3">
              <input
                id={optionId}
                type="radio"
                name={n}
                value={o.value}
                defaultChecked={defaultValue === o.value}
                aria-describedby={o.hint ? `${optionId}-item-hint` : undefined}
                className="mt-1 size-7 shrink-0 accent-ink"
              />
              <div>
                <label htmlFor={optionId} className="text-lg">
                  {o.label}
                </label>
                {o.hint ? (
                  <p id={`${optionId}-item-hint`} className="text-secondary">
                    {o.hint}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
