/**
 * Which IndexedDB database holds whose data on this device, so people sharing a laptop never see
 * each other's contacts. Kept in localStorage (read synchronously at start-up, before the database
 * opens):
 *   - the guest database: what is captured while nobody is signed in;
 *   - one database per user who signed in here;
 *   - the active one.
 * The first sign-in on a device claims the guest database as it is, so everything captured before
 * signing in is that user's and goes out with their first push.
 */
export const DEFAULT_DB = 'networking-companion';

const KEY = 'networking-companion:databases';

interface Registry {
	guest: string;
	active: string;
	users: Record<string, string>;
}

export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

function isRegistry(value: unknown): value is Registry {
	const r = value as Registry;
	return (
		!!r &&
		typeof r.guest === 'string' &&
		typeof r.active === 'string' &&
		typeof r.users === 'object' &&
		r.users !== null &&
		Object.values(r.users).every((name) => typeof name === 'string')
	);
}

export class DatabaseRegistry {
	constructor(
		private readonly storage: KeyValueStorage,
		private readonly newSuffix: () => string = () => crypto.randomUUID()
	) {}

	#read(): Registry {
		try {
			const parsed: unknown = JSON.parse(this.storage.getItem(KEY) ?? 'null');
			if (isRegistry(parsed)) return parsed;
		} catch {
			// A damaged entry falls back to the default database, which is where data always started.
		}
		return { guest: DEFAULT_DB, active: DEFAULT_DB, users: {} };
	}

	#write(registry: Registry): void {
		this.storage.setItem(KEY, JSON.stringify(registry));
	}

	/** The database the app opens now. */
	active(): string {
		return this.#read().active;
	}

	/** The database for whoever uses the device signed out. */
	guest(): string {
		return this.#read().guest;
	}

	/** The database of a user who signed in here before, if any. */
	userDatabase(userId: string): string | null {
		return this.#read().users[userId] ?? null;
	}

	/**
	 * Makes `userId`'s database the active one and returns its name: theirs if they signed in here
	 * before, otherwise the guest database (claimed, with everything in it), and a fresh guest
	 * database is set aside for whoever uses the device signed out.
	 */
	signIn(userId: string): string {
		const registry = this.#read();
		let name = registry.users[userId];
		if (!name) {
			name = registry.guest;
			registry.users[userId] = name;
			registry.guest = `${DEFAULT_DB}-guest-${this.newSuffix()}`;
		}
		registry.active = name;
		this.#write(registry);
		return name;
	}

	/**
	 * `userId`'s database is gone (they deleted all their data): the guest database is active
	 * again, and their next sign-in here starts from it like a first one.
	 */
	forget(userId: string): string {
		const registry = this.#read();
		delete registry.users[userId];
		registry.active = registry.guest;
		this.#write(registry);
		return registry.active;
	}

	/** Signed out: the guest database is active again; the user's own stays, for their next sign-in. */
	signOut(): string {
		const registry = this.#read();
		registry.active = registry.guest;
		this.#write(registry);
		return registry.active;
	}
}
