import { dayLabel } from '../model.js';

/** Short marks for abstractions, distinct from shift chips: sick, annual leave, course, court. */
export const ABS_LABEL: Record<string, string> = { sick: 'sk', leave: 'AL', course: 'crs', court: 'ct', other: 'ab' };

/** A narrow day header: weekday over day of month. */
export function DayHead({ date }: { date: string }) {
  const [wd, dn] = dayLabel(date).split(' ');
  return (
    <>
      <span className="wd">{wd}</span>
      <span className="dn">{dn}</span>
    </>
  );
}
