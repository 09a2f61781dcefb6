/**
 * How long to wait before retry number `attempt` (1, 2, …): exponential from one second up to
 * five minutes, with full jitter so a room full of phones coming back online does not retry in
 * step. `random` is a number in [0, 1).
 */
export function backoffDelay(attempt: number, random: number): number {
	const ceiling = Math.min(300_000, 1_000 * 2 ** Math.max(0, attempt - 1));
	return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
