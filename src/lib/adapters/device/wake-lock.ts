/**
 * Keeps the screen on while a page needs it (someone is scanning the QR code), until the returned
 * function is called. The browser lets go of a wake lock whenever the page is hidden, so the lock is
 * asked for again each time the page is shown; a lock granted after the page was left is let go at
 * once. Where the device has no wake lock, or refuses one (low battery), nothing happens.
 */
export function keepScreenOn(): () => void {
	const wakeLock = typeof navigator === 'undefined' ? undefined : navigator.wakeLock;
	if (!wakeLock) return () => {};
	let stopped = false;
	let asking = false;
	let lock: WakeLockSentinel | null = null;

	const release = (sentinel: WakeLockSentinel) => void sentinel.release().catch(() => {});
	const acquire = () => {
		if (stopped || asking || (lock && !lock.released) || document.visibilityState !== 'visible') return;
		asking = true;
		wakeLock.request('screen').then(
			(granted) => {
				asking = false;
				if (stopped) release(granted);
				else lock = granted;
			},
			() => {
				asking = false;
			}
		);
	};
	document.addEventListener('visibilitychange', acquire);
	acquire();
	return () => {
		stopped = true;
		document.removeEventListener('visibilitychange', acquire);
		if (lock) release(lock);
		lock = null;
	};
}
