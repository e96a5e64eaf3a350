/**
 * When a closed case's retention period ends: the closure date plus the MARAC's retention months
 * (settings), on the same day of the month, or the month's last day when it has no such day.
 */
export function retentionEnds(closedAt: Date, retentionMonths: number): Date {
  const end = new Date(closedAt.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + retentionMonths);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

export function isPastRetention(closedAt: Date, retentionMonths: number, now: Date): boolean {
  return retentionEnds(closedAt, retentionMonths).getTime() <= now.getTime();
}
