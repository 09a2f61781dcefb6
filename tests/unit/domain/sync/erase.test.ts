import { describe, expect, it } from 'vitest';
import { eraseAllData } from '$lib/domain/sync/erase';
import { RemoteError, type RemoteEraser } from '$lib/domain/sync/ports';

/** A server that answers each delete_my_data call from a script: a row count, or an error. */
class ScriptedServer implements RemoteEraser {
	calls = 0;
	refreshes = 0;
	constructor(
		private readonly answers: (number | Error)[],
		private readonly refreshWorks = true
	) {}
	async deleteMyData() {
		const answer = this.answers[this.calls++];
		if (answer === undefined) throw new Error('delete_my_data was called more often than scripted');
		if (answer instanceof Error) throw answer;
		return answer;
	}
	async refreshSession() {
		this.refreshes++;
		return this.refreshWorks;
	}
}

/** What happened, in order, across the server and this device. */
function recorder(server: ScriptedServer | null, localFails = false) {
	const log: string[] = [];
	const steps = {
		server: server && {
			deleteMyData: async () => {
				log.push('server');
				return server.deleteMyData();
			},
			refreshSession: () => server.refreshSession()
		},
		eraseLocal: async () => {
			log.push('device');
			if (localFails) throw new Error('blocked');
		}
	};
	return { log, steps };
}

describe('eraseAllData: the server first; if it fails, nothing here', () => {
	it('signed in: deletes on the server, then on this device', async () => {
		const { log, steps } = recorder(new ScriptedServer([7]));
		expect(await eraseAllData(steps)).toEqual({ ok: true, serverRows: 7 });
		expect(log).toEqual(['server', 'device']);
	});

	it.each([
		['offline', new RemoteError('offline', 'Failed to fetch'), /could not be reached/],
		['server', new RemoteError('server', 'HTTP 503'), /had a problem/],
		[
			'unavailable',
			new RemoteError('unavailable', 'Could not find the function public.delete_my_data'),
			/^The server is not set up to delete your data \(Could not find the function public\.delete_my_data\)/
		],
		['refused', new RemoteError('refused', 'Payload too large'), /refused to delete your data \(Payload too large\)/],
		['server', new TypeError('something unexpected'), /had a problem/]
	] as const)('a %s failure deletes nothing on this device', async (kind, error, words) => {
		const { log, steps } = recorder(new ScriptedServer([error]));
		const outcome = await eraseAllData(steps);
		expect(outcome).toMatchObject({ ok: false, failed: 'server', kind, cause: error });
		expect(log).toEqual(['server']);
		if (outcome.ok) throw new Error('expected a failure');
		expect(outcome.message).toMatch(words);
		expect(outcome.message).toContain('Nothing on this device was deleted.');
	});

	it('an expired session is refreshed once and the delete sent again', async () => {
		const server = new ScriptedServer([new RemoteError('unauthorized', 'JWT expired'), 3]);
		const { log, steps } = recorder(server);
		expect(await eraseAllData(steps)).toEqual({ ok: true, serverRows: 3 });
		expect(server.refreshes).toBe(1);
		expect(log).toEqual(['server', 'server', 'device']);
	});

	it('a 401 that a refresh cannot cure deletes nothing on this device', async () => {
		const server = new ScriptedServer([new RemoteError('unauthorized', 'JWT expired')], false);
		const { log, steps } = recorder(server);
		const outcome = await eraseAllData(steps);
		expect(outcome).toMatchObject({ ok: false, failed: 'server', kind: 'unauthorized' });
		expect(log).toEqual(['server']);
	});

	it('a 401 again after the refresh deletes nothing on this device', async () => {
		const expired = new RemoteError('unauthorized', 'JWT expired');
		const server = new ScriptedServer([expired, expired]);
		const { log, steps } = recorder(server);
		expect(await eraseAllData(steps)).toMatchObject({ ok: false, kind: 'unauthorized' });
		expect(log).toEqual(['server', 'server']);
	});

	it('local-only or signed out: only this device', async () => {
		const { log, steps } = recorder(null);
		expect(await eraseAllData(steps)).toEqual({ ok: true, serverRows: null });
		expect(log).toEqual(['device']);
	});

	it("says so when the server's copy went but this device's could not be deleted", async () => {
		const { steps } = recorder(new ScriptedServer([7]), true);
		const outcome = await eraseAllData(steps);
		expect(outcome).toMatchObject({ ok: false, failed: 'device', kind: null });
		if (outcome.ok) throw new Error('expected a failure');
		expect(outcome.message).toMatch(/deleted from the server, but this device's copy could not be deleted/);
	});
});
