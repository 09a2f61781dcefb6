import type { FollowUpStats } from '$lib/domain/queue/rate';

/** "67 %" or "—" when nothing can be counted yet. */
export function formatRate(stats: FollowUpStats): string {
	return stats.rate === null ? '—' : `${Math.round(stats.rate * 100)} %`;
}

/** A duration as people say it: "40 min", "5 h", "2 days". */
export function formatDuration(ms: number | null): string {
	if (ms === null) return '—';
	const hours = ms / 3_600_000;
	if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
	if (hours < 72) return `${Math.round(hours)} h`;
	return `${Math.round(hours / 24)} days`;
}
