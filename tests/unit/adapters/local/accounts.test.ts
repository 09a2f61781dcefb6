import { describe, expect, it } from 'vitest';
import { DatabaseRegistry, DEFAULT_DB } from '$lib/adapters/local/accounts';
import { memoryStorage } from '../../../support/supabase/clients';

describe('DatabaseRegistry: whose data this device shows', () => {
	it('the first sign-in claims what was captured signed out; the next person starts apart', () => {
		let n = 0;
		const storage = memoryStorage();
		const registry = new DatabaseRegistry(storage, () => `g${++n}`);
		expect(registry.active()).toBe(DEFAULT_DB);

		expect(registry.signIn('ada')).toBe(DEFAULT_DB);
		expect(registry.signOut()).toBe(`${DEFAULT_DB}-guest-g1`);
		expect(registry.signIn('bob')).toBe(`${DEFAULT_DB}-guest-g1`);
		expect(registry.signOut()).toBe(`${DEFAULT_DB}-guest-g2`);
		// Ada again: her own data, kept on the device with whatever had not synced.
		expect(registry.signIn('ada')).toBe(DEFAULT_DB);
		expect(new DatabaseRegistry(storage).active()).toBe(DEFAULT_DB);
		expect(registry.userDatabase('bob')).toBe(`${DEFAULT_DB}-guest-g1`);
	});

	it('falls back to the default database when the entry is damaged', () => {
		const storage = memoryStorage();
		storage.setItem('networking-companion:databases', '{"guest": 3');
		expect(new DatabaseRegistry(storage).active()).toBe(DEFAULT_DB);
		storage.setItem('networking-companion:databases', '{"guest": "x", "active": "y", "users": {"a": 1}}');
		expect(new DatabaseRegistry(storage).active()).toBe(DEFAULT_DB);
	});
});
