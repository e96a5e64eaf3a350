export function SkipLink() {
  return (
    <a
      href="#main-content"
      className="sr-only block bg-focus p-2 text-ink focus:not-sr-only focus:outline-none"
    >
      Skip to main content
    </a>
  );
}
