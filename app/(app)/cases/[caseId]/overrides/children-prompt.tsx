/**
 * Where children are involved and at risk, children's social care has the duty to protect the
 * child (Children Act 1989) and is the first point of contact: the seed's commitment.
 */
export function ChildrenPrompt() {
  return (
    <div className="mb-8 max-w-2xl border-l-4 border-brand bg-panel p-4">
      <h2 className="text-xl">Children are involved in this case</h2>
      <p>
        Where a child is at risk (for example of harm or of homelessness), children&apos;s social care has the duty to protect the child and should
        be the first point of contact, before any other agency.
      </p>
    </div>
  );
}
