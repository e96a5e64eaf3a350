/** Calendar quarters (January to March is Q1), as ISO dates. */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

export function quarterRange({ year, quarter }: Quarter): { from: string; to: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { from: `${year}-${pad(startMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

export function quarterOf(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter["quarter"] };
}

export function quarterLabel({ year, quarter }: Quarter): string {
  const { from, to } = quarterRange({ year, quarter });
  const month = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { month: "long", timeZone: "UTC" });
  return `Q${quarter} ${year} (${month(from)} to ${month(to)})`;
}

/**
 * Whole years between a date of birth and a later date, both ISO (YYYY-MM-DD). Compares the
 * month and day as text ("03-01" < "03-15"), without splitting: the return calls this for every
 * victim and perpetrator of every hearing.
 */
export function ageOn(dateOfBirth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return on.slice(5, 10) < dateOfBirth.slice(5, 10) ? years - 1 : years;
}
