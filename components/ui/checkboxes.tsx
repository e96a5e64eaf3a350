import { cn } from "./cn";

/** GOV.UK checkboxes in a fieldset. */
export function Checkboxes({ id, name, label, hint, error, options, checked }: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
}) {
  return (
    <fieldset className={cn("mb-6", error && "border-l-4 border-error pl-4")} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="mb-1 text-lg font-bold">{label}</legend>
      {hint ? <div id={`${id}-hint`} className="mb-2 text-secondary">{hint}</div> : null}
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <div className="space-y-2">
        {options.map((o, i) => (
          <label key={o.value} className="flex items-center gap-2 text-lg">
            <input id={i === 0 ? id : `${id}-${i}`} type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} className="size-6 shrink-0 accent-ink" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
