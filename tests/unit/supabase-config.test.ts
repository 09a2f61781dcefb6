import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The settings that sign-in on a real (hosted) Supabase project depends on, read from the files
// `supabase config push` sends: supabase/config.toml and the email templates it names.

const root = fileURLToPath(new URL('../../', import.meta.url));
const configText = readFileSync(`${root}supabase/config.toml`, 'utf8');

type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
interface TomlTable {
	[key: string]: TomlValue;
}

/** Cuts a `#` comment off a line, leaving any `#` inside a quoted string alone. */
function stripComment(line: string): string {
	let quote: string | null = null;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quote === '"' && c === '\\') i++;
		else if (quote && c === quote) quote = null;
		else if (!quote && (c === '"' || c === "'")) quote = c;
		else if (!quote && c === '#') return line.slice(0, i);
	}
	return line;
}

/** Splits an inline array's body on the commas outside quoted strings. */
function splitItems(body: string): string[] {
	const items: string[] = [];
	let quote: string | null = null;
	let start = 0;
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (quote === '"' && c === '\\') i++;
		else if (quote && c === quote) quote = null;
		else if (!quote && (c === '"' || c === "'")) quote = c;
		else if (!quote && c === ',') {
			items.push(body.slice(start, i));
			start = i + 1;
		}
	}
	items.push(body.slice(start));
	return items.map((item) => item.trim()).filter((item, i, all) => item !== '' || i < all.length - 1);
}

function readValue(text: string, where: string): TomlValue {
	if (text.startsWith('"') && text.endsWith('"') && text.length > 1) return JSON.parse(text) as string;
	if (text.startsWith("'") && text.endsWith("'") && text.length > 1) return text.slice(1, -1);
	if (text === 'true' || text === 'false') return text === 'true';
	if (/^[+-]?\d+$/.test(text)) return Number(text);
	if (text.startsWith('[') && text.endsWith(']')) {
		const items = splitItems(text.slice(1, -1));
		if (items.some((item) => item === '')) throw new Error(`${where}: empty array item in ${text}`);
		return items.map((item) => readValue(item, where));
	}
	throw new Error(`${where}: not a value this reader understands: ${text}`);
}

/**
 * Reads the part of TOML that supabase/config.toml uses: tables, bare keys, strings, integers,
 * booleans and one-line arrays. Anything else throws, so a file this cannot read fails the test
 * instead of being half-read. (The file was also checked with the smol-toml parser.)
 */
function readToml(text: string): TomlTable {
	const top: TomlTable = {};
	const headers = new Set<string>();
	let table = top;
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = stripComment(raw).trim();
		const where = `line ${index + 1}`;
		if (!line) return;
		const header = /^\[([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\]$/.exec(line);
		if (header) {
			if (headers.has(header[1]!)) throw new Error(`${where}: [${header[1]}] defined twice`);
			headers.add(header[1]!);
			table = top;
			for (const part of header[1]!.split('.')) {
				const next = table[part] ?? (table[part] = {});
				if (typeof next !== 'object' || Array.isArray(next)) throw new Error(`${where}: ${part} is not a table`);
				table = next;
			}
			return;
		}
		const pair = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
		if (!pair) throw new Error(`${where}: not understood: ${raw}`);
		if (pair[1]! in table) throw new Error(`${where}: ${pair[1]} set twice`);
		table[pair[1]!] = readValue(pair[2]!, where);
	});
	return top;
}

function at(table: TomlTable, path: string): TomlValue | undefined {
	let value: TomlValue | undefined = table;
	for (const part of path.split('.')) {
		if (value === undefined || typeof value !== 'object' || Array.isArray(value)) return undefined;
		value = value[part];
	}
	return value;
}

function leafKeys(table: TomlTable, prefix = ''): string[] {
	return Object.entries(table).flatMap(([key, value]) =>
		typeof value === 'object' && !Array.isArray(value) ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`]
	);
}

// The keys the Supabase CLI's config schema has for the sections this project uses, as in
// supabase/cli pkg/config/config.go, api.go, db.go and auth.go (CLI v2, decoded with
// `UnmarshalExact`: an unknown key stops every command) and packages/config/src/auth/*.ts (CLI
// v3). The local mailbox section is left out: CLI v2.108+ calls it [local_smtp], v3 dropped the
// old [inbucket], and CLIs before 2.108 reject [local_smtp], so config.toml names neither.
const TEMPLATE = '(invite|confirmation|recovery|magic_link|email_change|reauthentication)';
const PROVIDER =
	'(apple|azure|bitbucket|discord|facebook|figma|github|gitlab|google|kakao|keycloak|linkedin_oidc|notion|twitch|twitter|x|slack_oidc|spotify|workos|zoom)';
const KNOWN_KEYS = [
	'project_id',
	'api\\.(enabled|port|schemas|extra_search_path|max_rows|external_url|tls\\.enabled)',
	'db\\.(port|shadow_port|major_version|seed\\.(enabled|sql_paths))',
	'db\\.pooler\\.(enabled|port|pool_mode|default_pool_size|max_client_conn)',
	'realtime\\.(enabled|ip_version|max_header_length)',
	'studio\\.(enabled|port|api_url|openai_api_key)',
	'auth\\.(enabled|site_url|additional_redirect_urls|jwt_expiry|enable_refresh_token_rotation|refresh_token_reuse_interval)',
	'auth\\.(enable_manual_linking|enable_signup|enable_anonymous_sign_ins|minimum_password_length|password_requirements)',
	'auth\\.rate_limit\\.(anonymous_users|token_refresh|sign_in_sign_ups|token_verifications|email_sent|sms_sent|web3)',
	'auth\\.email\\.(enable_signup|double_confirm_changes|enable_confirmations|secure_password_change|max_frequency|otp_length|otp_expiry)',
	'auth\\.email\\.smtp\\.(enabled|host|port|user|pass|admin_email|sender_name)',
	'auth\\.captcha\\.(enabled|provider|secret)',
	`auth\\.email\\.template\\.${TEMPLATE}\\.(subject|content_path)`,
	'auth\\.sms\\.(enable_signup|enable_confirmations|template|max_frequency)',
	`auth\\.external\\.${PROVIDER}\\.(enabled|client_id|secret|url|redirect_uri|skip_nonce_check|email_optional)`,
	// [functions.<name>]: supabase.com/docs/guides/functions/function-configuration (pkg/config FunctionConfig).
	'functions\\.[a-z0-9_-]+\\.(enabled|verify_jwt|import_map|entrypoint|static_files)'
].map((pattern) => new RegExp(`^${pattern}$`));

const config = readToml(configText);

/** The commented-out [auth.email.smtp] block, uncommented: what a deployer turns on. */
function smtpExample(): TomlTable {
	const lines = configText.split('\n');
	const start = lines.indexOf('# [auth.email.smtp]');
	expect(start, 'config.toml keeps a commented [auth.email.smtp] example').toBeGreaterThan(-1);
	const block: string[] = [];
	for (const line of lines.slice(start)) {
		if (!/^# (\[|[a-z_]+ = )/.test(line)) break;
		block.push(line.slice(2));
	}
	return readToml(block.join('\n'));
}

/** The variables the auth server gives the Confirm signup and Magic Link emails
 * (supabase/auth internal/mailer/templatemailer/templatemailer.go, ConfirmationMail / MagicLinkMail). */
const TEMPLATE_VARIABLES = ['SiteURL', 'ConfirmationURL', 'Email', 'Token', 'TokenHash', 'Data', 'RedirectTo'];
/** The ones that make a link to click; the app signs in only with a typed code. */
const LINK_VARIABLES = ['ConfirmationURL', 'TokenHash'];

function templateOf(name: 'confirmation' | 'magic_link'): { subject: string; html: string } {
	const subject = at(config, `auth.email.template.${name}.subject`);
	const path = at(config, `auth.email.template.${name}.content_path`);
	expect(typeof subject === 'string' && subject.trim(), `[auth.email.template.${name}] subject`).toBeTruthy();
	expect(typeof path, `[auth.email.template.${name}] content_path`).toBe('string');
	// Relative to the folder that holds supabase/ (supabase/cli pkg/config/config.go, `resolve`).
	const file = `${root}${(path as string).replace(/^\.\//, '')}`;
	expect(existsSync(file), `${path} exists`).toBe(true);
	return { subject: subject as string, html: readFileSync(file, 'utf8') };
}

/** Every lifetime the email states, in seconds ("15 minutes", "an hour"). */
function statedLifetimes(html: string): number[] {
	const text = html.replace(/<[^>]*>/g, ' ');
	const unit: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86_400 };
	return [...text.matchAll(/\b(\d+|an?|one)\s+(second|minute|hour|day)s?\b/gi)].map(
		(m) => (/^\d+$/.test(m[1]!) ? Number(m[1]) : 1) * unit[m[2]!.toLowerCase()]!
	);
}

describe('supabase/config.toml, as `supabase config push` sends it to a hosted project', () => {
	it('holds only keys the Supabase CLI knows, and keeps the Data API to the public schema', () => {
		const unknown = leafKeys(config).filter((key) => !KNOWN_KEYS.some((known) => known.test(key)));
		expect(unknown).toEqual([]);
		expect(at(config, 'api.schemas')).toEqual(['public']);
	});

	it('keeps email confirmations and secure password change on, so nobody can pre-claim an address with a password', () => {
		// With confirmations off, /signup with a password confirms the address at once
		// (supabase/auth internal/api/signup.go).
		expect(at(config, 'auth.email.enable_confirmations')).toBe(true);
		expect(at(config, 'auth.email.secure_password_change')).toBe(true);
		expect(at(config, 'auth.email.enable_signup')).toBe(true);
		expect(at(config, 'auth.enable_signup')).toBe(true);
	});

	it('sends the code in both the Confirm signup and the Magic Link email, never a link', () => {
		// A first code for a new address goes out as Confirm signup while confirmations are on
		// (supabase/auth internal/api/magic_link.go); later ones as Magic Link.
		for (const name of ['confirmation', 'magic_link'] as const) {
			const { html } = templateOf(name);
			const actions = [...html.matchAll(/\{\{-?\s*([^}]*?)\s*-?\}\}/g)].map((m) => m[1]!);
			expect(actions, `${name} shows {{ .Token }}`).toContain('.Token');
			for (const action of actions) {
				const variable = /^\.(\w+)$/.exec(action)?.[1];
				expect(TEMPLATE_VARIABLES, `${name}: {{ ${action} }} is a variable the auth server passes`).toContain(variable);
				expect(LINK_VARIABLES, `${name}: {{ ${action} }} makes a link, the app needs the code`).not.toContain(variable);
			}
		}
	});

	it('says in the email exactly how long the code lasts (otp_expiry)', () => {
		const expiry = at(config, 'auth.email.otp_expiry');
		expect(Number.isInteger(expiry) && (expiry as number) > 0).toBe(true);
		for (const name of ['confirmation', 'magic_link'] as const) {
			const stated = statedLifetimes(templateOf(name).html);
			expect(stated.length, `${name} says how long the code lasts`).toBeGreaterThan(0);
			expect(stated, `${name}: every lifetime it states is otp_expiry (${expiry} s)`).toEqual(stated.map(() => expiry));
		}
	});

	it('asks for a code of 6 to 10 digits, the range Supabase honours', () => {
		// Outside 6–10 the auth server quietly sends 6 digits (supabase/auth internal/conf/configuration.go).
		const length = at(config, 'auth.email.otp_length');
		expect(Number.isInteger(length)).toBe(true);
		expect(length).toBeGreaterThanOrEqual(6);
		expect(length).toBeLessThanOrEqual(10);
	});

	it('one client cannot spend the project’s hourly emails: its burst of 30 plus an hour at sign_in_sign_ups is at most half of email_sent', () => {
		// The /otp limiter per IP: a bucket of 30, refilled at sign_in_sign_ups per 5 minutes
		// (supabase/auth internal/api/options.go newLimiterPer5mOver1h); email_sent is per hour for the
		// whole project (docs: guides/auth/rate-limits).
		const emails = at(config, 'auth.rate_limit.email_sent') as number;
		const perFiveMinutes = at(config, 'auth.rate_limit.sign_in_sign_ups') as number;
		expect(30 + 12 * perFiveMinutes).toBeLessThanOrEqual(emails / 2);
	});

	it('shows how to turn CAPTCHA on, with its secret from the environment, and leaves it off', () => {
		expect(at(config, 'auth.captcha')).toBeUndefined();
		const lines = configText.split('\n');
		const start = lines.indexOf('# [auth.captcha]');
		expect(start, 'config.toml keeps a commented [auth.captcha] example').toBeGreaterThan(-1);
		const block = readToml(
			lines
				.slice(start, start + 4)
				.map((line) => line.slice(2))
				.join('\n')
		);
		expect(leafKeys(block).filter((key) => !KNOWN_KEYS.some((known) => known.test(key)))).toEqual([]);
		expect(at(block, 'auth.captcha.provider')).toMatch(/^(turnstile|hcaptcha)$/);
		expect(at(block, 'auth.captcha.secret')).toMatch(/^env\([A-Z_]+\)$/);
		expect(readFileSync(`${root}README.md`, 'utf8')).toMatch(/CAPTCHA[\s\S]*Turnstile[\s\S]*hCaptcha/);
	});

	it('limits resends and requests, and leaves custom SMTP to the deployer with secrets from the environment', () => {
		expect(at(config, 'auth.email.max_frequency')).toMatch(/^(\d+(h|m|s))+$/);
		for (const key of ['email_sent', 'sign_in_sign_ups', 'token_verifications', 'token_refresh']) {
			const value = at(config, `auth.rate_limit.${key}`);
			expect(Number.isInteger(value) && (value as number) > 0, `auth.rate_limit.${key}`).toBe(true);
		}
		// Not switched on here: a block with enabled = false would turn off SMTP set in the dashboard.
		expect(at(config, 'auth.email.smtp')).toBeUndefined();
		const smtp = smtpExample();
		expect(leafKeys(smtp).filter((key) => !KNOWN_KEYS.some((known) => known.test(key)))).toEqual([]);
		expect(at(smtp, 'auth.email.smtp.enabled')).toBe(true);
		for (const key of ['host', 'user', 'pass', 'admin_email']) {
			expect(at(smtp, `auth.email.smtp.${key}`), `smtp ${key} comes from env()`).toMatch(/^env\([A-Z_]+\)$/);
		}
	});
});
