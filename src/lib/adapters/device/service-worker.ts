export interface ServiceWorkerNews {
	/** The first service worker is installed: from now on the app starts and scans offline. */
	offlineReady(): void;
	/** A new version is installed and waits until the person chooses to reload into it. */
	updateWaiting(): void;
}

export interface AppVersions {
	/** Asks the server whether there is a new version (the browser also checks on navigations). */
	checkForUpdate(): Promise<void>;
	/**
	 * Lets the waiting version take over; every open tab reloads once it controls it. With none
	 * waiting (another tab let it take over already) this tab reloads into the one in charge.
	 */
	activateUpdate(): void;
}

/**
 * Registers the app's service worker (src/service-worker.ts) and says when the app is ready
 * offline or a new version waits. The service worker never skips waiting by itself: it waits for
 * a SKIP_WAITING message. (What workbox-window does for vite-plugin-pwa's prompt mode, in the few
 * lines this app needs, so the shell does not load it.)
 */
export async function registerServiceWorker(url: string, news: ServiceWorkerNews): Promise<AppVersions | null> {
	if (!('serviceWorker' in navigator)) return null;
	const container = navigator.serviceWorker;
	const registration = await container.register(url, { scope: '/' });
	// A new version took over ("Reload" here or in another tab): this tab's code is the old one,
	// whose lazy chunks the new version no longer keeps, so it reloads. Not on the first install,
	// where the worker merely starts controlling the page it was installed from.
	let controlled = !!container.controller;
	container.addEventListener('controllerchange', () => {
		if (controlled) location.reload();
		controlled = true;
	});

	const watch = (worker: ServiceWorker) => {
		// Decided when the worker starts installing: without a controller yet this is the first
		// install (its clients.claim() makes it the controller a moment later), with one an update.
		const update = container.controller !== null;
		const installed = () => {
			if (worker.state === 'installing') return;
			worker.removeEventListener('statechange', installed);
			if (worker.state === 'redundant') return;
			if (update) news.updateWaiting();
			else news.offlineReady();
		};
		worker.addEventListener('statechange', installed);
		installed();
	};

	// A version found while the app was closed waits from the start.
	if (registration.waiting) news.updateWaiting();
	if (registration.installing) watch(registration.installing);
	registration.addEventListener('updatefound', () => {
		if (registration.installing) watch(registration.installing);
	});

	return {
		checkForUpdate: () => registration.update().then(() => undefined),
		activateUpdate: () =>
			registration.waiting ? registration.waiting.postMessage({ type: 'SKIP_WAITING' }) : location.reload()
	};
}
