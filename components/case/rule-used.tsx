/** The detector's rule id, for whoever tunes it: tucked away after the plain-English reason. */
export function RuleUsed({ rule }: { rule: string }) {
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-link underline">Technical detail</summary>
      <p className="mt-1 text-secondary">
        Detector rule: <code>{rule}</code>
      </p>
    </details>
  );
}
