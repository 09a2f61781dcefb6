const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
	const minutes = Math.max(1, Math.round(ms / MINUTE));
	if (minutes < 60) return `${minutes} min`;
	// Hours up to three days: a 48-hour deadline reads "due in 48 h", not "due in 2 days".
	const hours = Math.round(ms / HOUR);
	if (hours < 72) return `${hours} h`;
	return `${Math.round(ms / DAY)} days`;
}

/** "due in 5 h" / "overdue by 3 h": how a follow-up's deadline reads at a given moment. */
export function countdown(dueAt: number, now: number): { overdue: boolean; text: string } {
	const left = dueAt - now;
	return left >= 0
		? { overdue: false, text: `due in ${span(left)}` }
		: { overdue: true, text: `overdue by ${span(-left)}` };
}
