import type { Encounter, FollowUp, PromiseItem } from '../capture/records';

/**
 * An event's follow-up figures. Every count but the promises and the median counts people, the
 * way the People list does: someone met twice is one person, with one or more follow-ups.
 */
export interface FollowUpStats {
	/** People with a conversation (at the event, or at all). */
	met: number;
	/** People whose follow-up's 48 hours are over or who were followed up, not counting "not a fit". */
	counted: number;
	/** Of those, followed up within 48 hours every time (by the deadline, snoozes notwithstanding). */
	onTime: number;
	/** onTime / counted, or null when nothing can be counted yet. */
	rate: number | null;
	/** Median time from meeting to follow-up, over done follow-ups; null when none is done. */
	medianMs: number | null;
	/** People followed up after the deadline (and none overdue now). */
	doneLate: number;
	/** People with a follow-up past its deadline and not done. */
	overdueNow: number;
	/** People closed as "not a fit" (and nothing else to follow up). */
	notAFit: number;
	promisesOpen: number;
	promisesKept: number;
}

export interface StatsInput {
	/** The follow-ups (check-ins are left out here). */
	followUps: readonly FollowUp[];
	promises: readonly PromiseItem[];
	/** The conversations: who was met, and when each follow-up's meeting was. */
	encounters: readonly Pick<Encounter, 'id' | 'personId' | 'metAt'>[];
	/** Other conversations, only for when a follow-up's meeting was (e.g. at another event). */
	meetings?: readonly Pick<Encounter, 'id' | 'metAt'>[];
	now: number;
}

function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Standing = 'pending' | 'on-time' | 'late' | 'overdue' | 'not-a-fit';

/** One follow-up: still inside its 48 hours, done on time or late, overdue, or closed. */
function standing(f: FollowUp, now: number): Standing {
	if (f.status === 'not-a-fit') return 'not-a-fit';
	if (f.status === 'done' && f.doneAt !== null) return f.doneAt <= f.dueAt ? 'on-time' : 'late';
	return f.dueAt < now ? 'overdue' : 'pending';
}

// A person's standing is their worst follow-up's: overdue now, else followed up late, else on time;
// "not a fit" only when nothing else was to follow up. So counted = onTime + doneLate + overdueNow.
const WORST_FIRST: Standing[] = ['overdue', 'late', 'on-time', 'pending', 'not-a-fit'];

/**
 * The 48-hour follow-up rate and its companions for a set of follow-ups (an event's, or all),
 * per person: two follow-ups for one person (met twice after the first was done, or made on two
 * devices offline) count once. Only first follow-ups count (check-ins do not). A follow-up still
 * inside its 48 hours is not counted either way yet; one done after its deadline is late even if
 * a snooze kept it out of sight until then.
 */
export function followUpStats({ followUps, promises, encounters, meetings = [], now }: StatsInput): FollowUpStats {
	const firsts = followUps.filter((f) => f.kind === 'follow-up');
	const byPerson = new Map<string, Set<Standing>>();
	for (const f of firsts) {
		const set = byPerson.get(f.personId) ?? new Set<Standing>();
		set.add(standing(f, now));
		byPerson.set(f.personId, set);
	}
	const people = { overdue: 0, late: 0, 'on-time': 0, pending: 0, 'not-a-fit': 0 };
	for (const set of byPerson.values()) people[WORST_FIRST.find((s) => set.has(s))!]++;
	const counted = people.overdue + people.late + people['on-time'];

	const metAt = new Map([...encounters, ...meetings].map((e) => [e.id, e.metAt]));
	const delays = firsts
		.filter((f) => f.status === 'done' && f.doneAt !== null)
		.map((f) => f.doneAt! - ((f.encounterId && metAt.get(f.encounterId)) || f.createdAt))
		.filter((ms) => ms >= 0);
	return {
		met: new Set(encounters.map((e) => e.personId)).size,
		counted,
		onTime: people['on-time'],
		rate: counted ? people['on-time'] / counted : null,
		medianMs: median(delays),
		doneLate: people.late,
		overdueNow: people.overdue,
		notAFit: people['not-a-fit'],
		promisesOpen: promises.filter((p) => p.status === 'open').length,
		promisesKept: promises.filter((p) => p.status === 'kept').length
	};
}
