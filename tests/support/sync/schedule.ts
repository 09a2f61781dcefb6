// TEST TOOL: one seeded fault schedule — two users with two devices each capture, edit, delete and
// follow up while their syncs meet injected faults; then the network heals, everything syncs, and
// every device is compared with the server. Besides lost, repeated, delayed and refused requests,
// the field's conditions: a device with no network whose session expires meanwhile, phases where
// the server is not set up for sync (404 / 403), "Delete all my data" on one device while another
// pushes, scanned codes holding text Postgres cannot store, and an attacker who pre-claimed the
// user's address with a password.
import { isDeepStrictEqual } from 'node:util';
import { draftFromScan } from '$lib/domain/capture/capture-draft';
import { markDone, markNotAFit, snooze } from '$lib/domain/queue/actions';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { LOCAL_TABLES, SERVER_TABLE, toServerFields, type LocalTable } from '$lib/domain/sync/mapping';
import { RemoteError } from '$lib/domain/sync/ports';
import type { Sql } from '../supabase/database';
import type { StandIn } from '../supabase/stand-in';
import { clientFor } from '../supabase/clients';
import { createDevice, type Device } from './device';
import { FAULT_KINDS, type FaultSwitch } from './faulty-fetch';
import { Random } from './random';

export interface ScheduleResult {
	faults: number;
	operations: number;
	lost: string[];
	duplicated: string[];
	diverged: string[];
	crossUser: string[];
	/** Erased data that came back (on the server or on a device). */
	resurrected: string[];
	/** How often each field condition happened (so that none of them is tested in name only). */
	cases: Record<Case, number>;
}

export type Case = 'erasures' | 'offline-expired' | 'not-set-up' | 'unstorable-captures' | 'pre-claims';

const TOPICS = [
	'grid storage',
	'robot arms',
	'seed funding',
	'battery recycling',
	'open data',
	'hiring in Accra',
	'COBOL compilers'
];

interface Intents {
	/** Encounter ids created, per user. */
	encounters: Map<string, Set<string>>;
	/** Encounter ids deleted on purpose, per user. */
	deleted: Map<string, Set<string>>;
	/** Every note text written for an encounter. */
	notes: Map<string, Set<string>>;
	/** Note texts a device replaced while seeing them: the user's own edit, not a lost note. */
	replaced: Set<string>;
	/**
	 * Encounter ids "Delete all my data" erased, per user: every one made before an erasure, and
	 * every one made on a device that had not heard of the latest erasure yet (its push is refused
	 * and it clears its copy). None may ever come back.
	 */
	gone: Map<string, Set<string>>;
	/** What went wrong on the way (a session ended by going offline, a delete that deleted too much). */
	problems: string[];
	cases: Record<Case, number>;
}

/** When the user last erased all their data, as the server says (null: never). */
async function serverErasure(database: Sql, userId: string): Promise<number | null> {
	const rows = await database.transaction((query) =>
		query('select erased_at from app_private.sync_state where owner_id = $1', [userId])
	);
	const at = rows[0]?.erased_at;
	return at ? new Date(at as string).getTime() : null;
}

/** Whether the device has heard of every erasure of its user's (a device that never pulled will first). */
async function upToDate(device: Device, database: Sql): Promise<boolean> {
	const seen = await device.sync.seenErasure();
	if (seen === undefined) return true;
	return (seen === null ? null : Date.parse(seen)) === (await serverErasure(database, device.userId));
}

function note(random: Random): string {
	return `Talked about ${random.pick(TOPICS)} and ${random.pick(TOPICS)} (${random.int(1000)})`;
}

async function capture(device: Device, random: Random, intents: Intents, people: string[], database: Sql) {
	const email = random.pick(people);
	// Now and then a code holding what Postgres cannot store (NUL, lone surrogates): it must sync.
	const unstorable = random.chance(0.15);
	if (unstorable) intents.cases['unstorable-captures']++;
	const odd = unstorable ? ['\u0000', '\ud800', '\udfff'] : ['', '', ''];
	const payload = `MECARD:N:Person${odd[0]},${email.split('@')[0]}${odd[1]};EMAIL:${email};ORG:Org${odd[2]} ${random.int(5)};;`;
	const draft = {
		...draftFromScan(parseBadgePayload(payload), { id: crypto.randomUUID(), now: device.now(), eventId: null }),
		note: note(random),
		promises: random.chance(0.3) ? ['Send the deck'] : []
	};
	const result = await device.capture.commit(draft, device.now(), () => crypto.randomUUID());
	if (!result.ok) throw new Error(`capture refused: ${result.message}`);
	intents.encounters.get(device.userId)!.add(draft.id);

	intents.notes.set(draft.id, new Set([draft.note.trim()]));
	if (!(await upToDate(device, database))) intents.gone.get(device.userId)!.add(draft.id);
}

async function act(device: Device, random: Random, intents: Intents, people: string[], database: Sql) {
	const roll = random.next();
	if (roll < 0.35) return capture(device, random, intents, people, database);
	if (roll < 0.5) {
		const person = random.pick(await device.db.people.toArray());
		if (person) await device.people.edit(person.id, { title: `Title ${random.int(100)}` }, device.now());
		return;
	}
	if (roll < 0.65) {
		const encounter = random.pick(await device.db.encounters.toArray());
		if (!encounter) return;
		const text = note(random);
		intents.replaced.add(encounter.note);
		await device.people.editNote(encounter.id, text);
		intents.notes.set(encounter.id, (intents.notes.get(encounter.id) ?? new Set()).add(text));
		return;
	}
	if (roll < 0.9) {
		const open = (await device.db.followUps.toArray()).filter((f) => f.status === 'open');
		const followUp = random.pick(open);
		if (!followUp) return;
		const now = device.now();
		if (random.chance(0.25)) {
			// Typing the message: a burst of saves of the same row.
			for (let i = 1; i <= 3; i++) {
				await device.followUps.setMessage(followUp.id, { subject: `Following up (${i})`, body: note(random) }, now);
			}
			return;
		}
		const next = random.pick([
			() => markDone(followUp, 'email', now),
			() => snooze(followUp, now + 3_600_000, now),
			() => markNotAFit(followUp, 'not now', now)
		])();
		const undo = await device.followUps.apply({ followUp: next });
		if (random.chance(0.2)) await device.followUps.undo(undo);
		return;
	}
	const person = random.pick(await device.db.people.toArray());
	if (!person) return;
	for (const encounter of await device.db.encounters.where('personId').equals(person.id).toArray()) {
		intents.deleted.get(device.userId)!.add(encounter.id);
	}
	await device.people.remove(person.id);
}

async function sync(device: Device, intents: Intents) {
	try {
		await device.round();
	} catch (error) {
		if (!(error instanceof RemoteError)) throw error;
		if (device.offline && error.kind !== 'offline')
			intents.problems.push(`${device.name}: a round without a network ended as ${error.kind} (${error.message})`);
	}
}

/** How many encounters a device holds (to see that a refused "Delete all my data" deleted nothing). */
const held = (device: Device) => device.db.encounters.count();

/**
 * "Delete all my data" on `device`, while another device of the same user may be pushing. If the
 * server's copy went (even if the answer was lost), everything the user made so far is erased.
 */
async function erase(device: Device, others: Device[], random: Random, intents: Intents, database: Sql) {
	const before = await serverErasure(database, device.userId);
	const kept = await held(device);
	const other = random.pick(others);
	const [outcome] = await Promise.all([
		device.eraseAll(),
		other && !other.offline && random.chance(0.7) ? sync(other, intents) : undefined
	]);
	const erased = (await serverErasure(database, device.userId)) !== before;
	if (erased) {
		intents.cases.erasures++;
		for (const id of intents.encounters.get(device.userId)!) intents.gone.get(device.userId)!.add(id);
	}
	if (!outcome.ok && outcome.failed === 'server' && (await held(device)) !== kept)
		intents.problems.push(`${device.name}: "Delete all my data" failed on the server yet deleted here`);
	if (outcome.ok && !erased)
		intents.problems.push(`${device.name}: "Delete all my data" succeeded but the server kept the data`);
}

/** The network goes (and the session expires while it is away): nothing is lost, nothing deleted. */
async function goOffline(device: Device, random: Random, intents: Intents, people: string[], database: Sql) {
	device.offline = true;
	if (random.chance(0.8)) {
		device.expireSession();
		intents.cases['offline-expired']++;
	}
	await capture(device, random, intents, people, database);
	await sync(device, intents);
	if (random.chance(0.5)) {
		const kept = await held(device);
		const outcome = await device.eraseAll();
		if (outcome.ok || (await held(device)) !== kept)
			intents.problems.push(`${device.name}: "Delete all my data" without a network deleted something`);
	}
}

/** Synced rows of one user on the server (alive only), as server fields by table and id. */
async function serverState(database: Sql, userId: string) {
	const state = new Map<string, Map<string, Record<string, unknown>>>();
	await database.transaction(async (query) => {
		for (const local of LOCAL_TABLES) {
			const rows = await query(
				`select to_jsonb(t) as row from app_private.${SERVER_TABLE[local]} t where owner_id = $1 and deleted_at is null`,
				[userId]
			);
			state.set(
				local,
				new Map(rows.map((r) => [String((r.row as { id: string }).id), r.row as Record<string, unknown>]))
			);
		}
	});
	return state;
}

// Deep equality, key order aside (jsonb keeps an object's keys in its own order).
const same = (a: unknown, b: unknown) =>
	isDeepStrictEqual(a, b) || (typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b));

/** Runs one schedule and checks the outcome. */
export async function runSchedule(
	seed: number,
	standIn: StandIn,
	database: Sql,
	operations = 24
): Promise<ScheduleResult> {
	const random = new Random(seed);
	const faults: FaultSwitch = { rate: 0.35, counts: new Map() };
	const devices: Device[] = [];
	const intents: Intents = {
		encounters: new Map(),
		deleted: new Map(),
		notes: new Map(),
		replaced: new Set(),
		gone: new Map(),
		problems: [],
		cases: { erasures: 0, 'offline-expired': 0, 'not-set-up': 0, 'unstorable-captures': 0, 'pre-claims': 0 }
	};
	const peopleOf = new Map<string, string[]>();
	const attackers: { email: string; attacker: ReturnType<typeof clientFor>; early: boolean }[] = [];
	for (const user of ['ada', 'bob']) {
		const email = `${user}-${seed}@faults.example`;
		// Someone who knows the address signs it up with a password before its owner ever signs in.
		if (random.chance(0.5)) {
			const attacker = clientFor(standIn);
			const { data } = await attacker.auth.signUp({ email, password: `pre-claimed-${seed}` });
			attackers.push({ email, attacker, early: !!data.session });
			intents.cases['pre-claims']++;
		}
		for (const name of ['phone', 'laptop'])
			devices.push(await createDevice(standIn, email, `${user}-${name}`, random, faults));
		peopleOf.set(
			devices.at(-1)!.userId,
			Array.from({ length: 4 }, (_, i) => `contact${i}-${user}@people.example`)
		);
	}
	for (const device of devices) {
		intents.encounters.set(device.userId, intents.encounters.get(device.userId) ?? new Set());
		intents.deleted.set(device.userId, intents.deleted.get(device.userId) ?? new Set());
		intents.gone.set(device.userId, intents.gone.get(device.userId) ?? new Set());
	}
	try {
		for (let step = 0; step < operations; step++) {
			const device = random.pick(devices);
			const people = peopleOf.get(device.userId)!;
			// A phase where the server is not set up for sync (a function missing, a grant missing).
			if (random.chance(0.06))
				faults.notSetUp = faults.notSetUp ? null : random.pick(['missing-function', 'missing-grant'] as const);
			for (const d of devices) if (d.offline && random.chance(0.3)) d.offline = false;
			const roll = random.next();
			if (roll < 0.25) {
				// Sometimes two devices sync at once, so their requests interleave.
				const other = random.pick(devices);
				await Promise.all([sync(device, intents), other === device ? Promise.resolve() : sync(other, intents)]);
			} else if (roll < 0.29) {
				const others = devices.filter((d) => d.userId === device.userId && d !== device);
				if (!device.offline) await erase(device, others, random, intents, database);
			} else if (roll < 0.34) {
				await goOffline(device, random, intents, people, database);
			} else {
				await act(device, random, intents, people, database);
			}
		}
		// The network heals: everything is pushed, then everyone pulls what the others pushed.
		faults.rate = 0;
		faults.notSetUp = null;
		for (const device of devices) device.offline = false;
		for (let round = 0; round < 3; round++) for (const device of devices) await device.round();
		const result = await check(
			devices,
			database,
			intents,
			[...faults.counts.values()].reduce((a, b) => a + b, 0),
			operations
		);
		result.cases['not-set-up'] = faults.counts.get('not-set-up') ?? 0;
		// The attacker's password (or a session from the sign-up) reaches nothing of the owner's.
		for (const { email, attacker, early } of attackers) {
			const signedIn =
				early || !(await attacker.auth.signInWithPassword({ email, password: `pre-claimed-${seed}` })).error;
			if (!signedIn) continue;
			const { data } = await attacker.rpc('sync_pull', { since: 0, lim: 1000 });
			const rows = (data as { rows?: unknown[] } | null)?.rows ?? [];
			if (rows.length) result.crossUser.push(`the attacker who pre-claimed ${email} reads ${rows.length} of its rows`);
		}
		return result;
	} finally {
		await Promise.all(devices.map((d) => d.close()));
	}
}

async function check(
	devices: Device[],
	database: Sql,
	intents: Intents,
	faults: number,
	operations: number
): Promise<ScheduleResult> {
	const result: ScheduleResult = {
		faults,
		operations,
		lost: [...intents.problems],
		duplicated: [],
		diverged: [],
		crossUser: [],
		resurrected: [],
		cases: { ...intents.cases }
	};
	const users = [...new Set(devices.map((d) => d.userId))];
	const servers = new Map(await Promise.all(users.map(async (u) => [u, await serverState(database, u)] as const)));
	for (const user of users) {
		const server = servers.get(user)!;
		const encounters = server.get('encounters')!;
		const gone = intents.gone.get(user)!;
		for (const id of intents.encounters.get(user)!) {
			if (!intents.deleted.get(user)!.has(id) && !gone.has(id) && !encounters.has(id))
				result.lost.push(`encounter ${id} of ${user}`);
		}
		// Erased means erased: not even a tombstone comes back.
		const comeBack = await database.transaction((query) =>
			query('select id from app_private.encounters where owner_id = $1 and id = any($2::uuid[])', [user, [...gone]])
		);
		for (const row of comeBack)
			result.resurrected.push(`encounter ${String(row.id)} of ${user} is on the server again`);
		// Every note ever written is the current note or one of the kept revisions, unless a device
		// showed it to the user and the user wrote over it.
		const revisions = await database.transaction((query) =>
			query('select encounter_id, note from app_private.note_revisions where owner_id = $1', [user])
		);
		for (const [id, texts] of intents.notes) {
			if (!encounters.has(id)) continue;
			for (const text of texts) {
				if (intents.replaced.has(text)) continue;
				const kept =
					encounters.get(id)!.note === text || revisions.some((r) => r.encounter_id === id && r.note === text);
				if (!kept) result.lost.push(`note "${text}" of encounter ${id}`);
			}
		}
		const emails = [...server.get('people')!.values()].map((p) => p.email).filter(Boolean);
		for (const email of new Set(emails))
			if (emails.filter((e) => e === email).length > 1) result.duplicated.push(`person ${email} of ${user}`);
		for (const other of users.filter((u) => u !== user)) {
			for (const id of intents.encounters.get(other)!)
				if (encounters.has(id)) result.crossUser.push(`encounter ${id} of ${other} is ${user}'s on the server`);
		}
	}
	for (const device of devices) {
		const server = servers.get(device.userId)!;
		if ((await device.sync.pendingCount()) > 0) result.lost.push(`${device.name} still has changes waiting`);
		for (const failure of await device.sync.failures())
			result.lost.push(
				`${device.name}: refused ${failure.entry.table} ${failure.entry.id} ${failure.entry.op} ${JSON.stringify(failure.entry.fields)} base ${failure.entry.baseSeq}: ${failure.reason}`
			);
		for (const encounter of await device.db.encounters.toArray())
			if (intents.gone.get(device.userId)!.has(encounter.id))
				result.resurrected.push(`${device.name} holds erased encounter ${encounter.id}`);
		for (const table of LOCAL_TABLES) {
			const local = await (device.db[table] as unknown as { toArray(): Promise<Record<string, unknown>[]> }).toArray();
			const expected = server.get(table)!;
			if (local.length !== expected.size)
				result.diverged.push(`${device.name} ${table}: ${local.length} rows, server ${expected.size}`);
			for (const record of local) {
				const row = expected.get(String(record.id));
				if (!row) {
					result.diverged.push(`${device.name} ${table} ${record.id} is not on the server`);
					continue;
				}
				for (const [column, value] of Object.entries(toServerFields(table as LocalTable, record))) {
					if (!same(value, row[column]))
						result.diverged.push(
							`${device.name} ${table} ${record.id}.${column}: ${JSON.stringify(value)} ≠ ${JSON.stringify(row[column])}`
						);
				}
			}
			for (const other of devices.filter((d) => d.userId !== device.userId)) {
				for (const id of intents.encounters.get(other.userId)!) {
					if (table === 'encounters' && local.some((r) => r.id === id))
						result.crossUser.push(`${device.name} holds ${other.name}'s encounter ${id}`);
				}
			}
		}
		const emails = (await device.db.people.toArray()).map((p) => p.email).filter(Boolean);
		for (const email of new Set(emails))
			if (emails.filter((e) => e === email).length > 1) result.duplicated.push(`${device.name}: person ${email} twice`);
	}
	return result;
}

export { FAULT_KINDS };
