import type { Encounter, FollowUp } from '../capture/records';

/**
 * The conversations a follow-up (or the check-in after it) carries, oldest first: the person's
 * conversations from the follow-up's first one until the next follow-up of theirs began. Meeting
 * someone while their follow-up is open joins it; meeting them after it was done starts a new one.
 * Two open follow-ups for one person (saved on two devices offline) are one: neither ends the
 * other. Only synced fields are used (metAt, not the device-local createdAt), so every device
 * agrees.
 */
export function carriedEncounters(
	followUp: FollowUp,
	personFollowUps: readonly FollowUp[],
	encounters: readonly Encounter[]
): Encounter[] {
	const byId = new Map(encounters.map((e) => [e.id, e]));
	const first = followUp.encounterId ? byId.get(followUp.encounterId) : undefined;
	if (!first) return [];
	const openFollowUp = followUp.kind === 'follow-up' && followUp.status === 'open';
	let end = Infinity;
	for (const other of personFollowUps) {
		if (other.kind !== 'follow-up' || other.id === followUp.id || !other.encounterId) continue;
		if (openFollowUp && other.status === 'open') continue;
		const start = byId.get(other.encounterId)?.metAt;
		if (start !== undefined && start > first.metAt && start < end) end = start;
	}
	return encounters
		.filter((e) => e.metAt >= first.metAt && e.metAt < end)
		.sort((a, b) => a.metAt - b.metAt || a.createdAt - b.createdAt);
}
