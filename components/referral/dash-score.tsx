"use client";

import { useEffect, useRef, useState } from "react";

const ANSWER = /^dash-answers-q\d+-answer$/;

/**
 * Counts the "yes" answers in the surrounding form: "no" and "don't know" never count. An answer
 * given on an earlier page (question 9, pregnancy) is a hidden input.
 */
function countYes(form: HTMLFormElement): number {
  return Array.from(form.querySelectorAll<HTMLInputElement>('input[type="radio"][value="yes"]:checked, input[type="hidden"][value="yes"]')).filter((r) => ANSWER.test(r.name)).length;
}

/** The Dash score as the user answers, announced politely to screen readers. */
export function DashScore({ initial, threshold, total }: { initial: number; threshold: number; total: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [score, setScore] = useState(initial);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const update = () => setScore(countYes(form));
    update();
    form.addEventListener("change", update);
    return () => form.removeEventListener("change", update);
  }, []);
  const over = score >= threshold;
  return (
    <div ref={ref} className="sticky top-0 z-10 mb-8 border-l-8 border-brand bg-panel p-4">
      <p aria-live="polite" className="mb-0 text-lg font-bold">
        Score so far: {score} of {total} &lsquo;yes&rsquo;. This MARAC&apos;s threshold is {threshold}.
        <span className="block font-normal">
          {over ? "At or over the threshold: this meets visible high risk." : `${threshold - score} more 'yes' ${threshold - score === 1 ? "answer" : "answers"} to reach the threshold.`}
        </span>
      </p>
    </div>
  );
}
