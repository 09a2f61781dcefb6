// TEST TOOL: the settings the stand-in takes from supabase/config.toml, so tests bind to the
// project's real configuration (whatever is there today) and may override it per test.
// Mapping of each key to GoTrue/PostgREST: supabase/cli pkg/config/auth.go (toAuthConfigBody) and
// pkg/config/api.go; defaults are the CLI's (pkg/config/templates/config.toml).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseToml, type TomlTable, type TomlValue } from './toml';

export const projectConfigPath = fileURLToPath(new URL('../../../supabase/config.toml', import.meta.url));

export interface AuthSettings {
	/** `[auth] enable_signup` (GOTRUE_DISABLE_SIGNUP when false). */
	enableSignup: boolean;
	/** `[auth.email] enable_signup`: the CLI sends it as external_email_enabled — off, no email login at all. */
	emailEnabled: boolean;
	/** `[auth.email] enable_confirmations` (mailer_autoconfirm = !enable_confirmations). */
	enableConfirmations: boolean;
	/** `[auth.email] secure_password_change` (security_update_password_require_reauthentication). */
	securePasswordChange: boolean;
	/** `[auth.email] max_frequency`, seconds between two emails of one kind to one user (smtp_max_frequency). */
	maxFrequency: number;
	/** `[auth.email] otp_length`, digits in an emailed code, 6 to 10. */
	otpLength: number;
	/** `[auth.email] otp_expiry`, seconds a code stays valid. */
	otpExpiry: number;
	/** `[auth] jwt_expiry`, seconds an access token lives. */
	jwtExpiry: number;
	/** `[auth] enable_refresh_token_rotation`. */
	refreshTokenRotation: boolean;
	/** `[auth] refresh_token_reuse_interval`, seconds a rotated refresh token may still be used. */
	refreshTokenReuseInterval: number;
	/** `[auth] minimum_password_length`. */
	minimumPasswordLength: number;
	/**
	 * `[auth.rate_limit] email_sent`: emails per hour for the whole project. The CLI applies it only
	 * with `[auth.email.smtp]` enabled (its template says so); null = no cap.
	 */
	emailSentPerHour: number | null;
	/**
	 * `[auth.rate_limit] sign_in_sign_ups` (rate_limit_otp): code requests per IP address per 5
	 * minutes, refilling a bucket of 30 (supabase/auth internal/api/options.go newLimiterPer5mOver1h,
	 * `SetBurst(30)`); null = no limit. CLI default 30.
	 */
	signInsPerFiveMinutes: number | null;
}

export interface ApiSettings {
	/** `[api] schemas`: the schemas PostgREST serves (db-schemas); the first is the default. */
	schemas: string[];
	/** `[api] extra_search_path` (db-extra-search-path). */
	extraSearchPath: string[];
	/** `[api] max_rows` (db-max-rows); null = unlimited. */
	maxRows: number | null;
}

export interface ProjectConfig {
	auth: AuthSettings;
	api: ApiSettings;
}

/** A Go duration as GoTrue reads it ("1m0s", "60s", "1h30m", "500ms"), in seconds. */
export function parseGoDuration(text: string): number {
	const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, µs: 1e-6, ns: 1e-9 };
	let rest = text.trim();
	let total = 0;
	if (rest === '0') return 0;
	while (rest) {
		const m = /^(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/.exec(rest);
		if (!m) throw new Error(`Not a Go duration: ${text}`);
		total += Number(m[1]) * units[m[2]!]!;
		rest = rest.slice(m[0].length);
	}
	return total;
}

function table(t: TomlTable, path: string): TomlTable {
	let at: TomlValue = t;
	for (const part of path.split('.')) {
		at = (at as TomlTable)[part] ?? {};
		if (typeof at !== 'object' || Array.isArray(at)) throw new Error(`config.toml: [${path}] is not a table`);
	}
	return at as TomlTable;
}

function read<T extends TomlValue>(t: TomlTable, key: string, fallback: T, kind: 'string' | 'number' | 'boolean'): T {
	const v = t[key];
	if (v === undefined) return fallback;
	if (typeof v !== kind) throw new Error(`config.toml: ${key} should be a ${kind}`);
	return v as T;
}

const strings = (v: TomlValue | undefined, fallback: string[]) =>
	v === undefined ? fallback : (v as TomlValue[]).map((s) => String(s));

/** Reads supabase/config.toml (or another file) into the settings the stand-in uses. */
export function readProjectConfig(path = projectConfigPath): ProjectConfig {
	const toml = parseToml(readFileSync(path, 'utf8'));
	const auth = table(toml, 'auth');
	const email = table(toml, 'auth.email');
	const smtp = table(toml, 'auth.email.smtp');
	const rateLimit = table(toml, 'auth.rate_limit');
	const api = table(toml, 'api');
	const settings: AuthSettings = {
		enableSignup: read(auth, 'enable_signup', true, 'boolean'),
		emailEnabled: read(email, 'enable_signup', true, 'boolean'),
		enableConfirmations: read(email, 'enable_confirmations', false, 'boolean'),
		securePasswordChange: read(email, 'secure_password_change', false, 'boolean'),
		maxFrequency: parseGoDuration(read(email, 'max_frequency', '1s', 'string')),
		otpLength: read(email, 'otp_length', 6, 'number'),
		otpExpiry: read(email, 'otp_expiry', 3600, 'number'),
		jwtExpiry: read(auth, 'jwt_expiry', 3600, 'number'),
		refreshTokenRotation: read(auth, 'enable_refresh_token_rotation', true, 'boolean'),
		refreshTokenReuseInterval: read(auth, 'refresh_token_reuse_interval', 10, 'number'),
		minimumPasswordLength: read(auth, 'minimum_password_length', 6, 'number'),
		emailSentPerHour:
			read(smtp, 'enabled', false, 'boolean') && rateLimit.email_sent !== undefined
				? read(rateLimit, 'email_sent', 0, 'number')
				: null,
		signInsPerFiveMinutes: read(rateLimit, 'sign_in_sign_ups', 30, 'number')
	};
	return {
		auth: checkAuthSettings(settings),
		api: {
			schemas: strings(api.schemas, ['public', 'graphql_public']),
			extraSearchPath: strings(api.extra_search_path, ['public', 'extensions']),
			maxRows: api.max_rows === undefined ? 1000 : read(api, 'max_rows', 0, 'number')
		}
	};
}

/** Refuses settings GoTrue itself refuses to start with. */
export function checkAuthSettings(settings: AuthSettings): AuthSettings {
	// supabase/auth internal/conf/configuration.go: the email OTP length must be 6 to 10.
	if (!Number.isInteger(settings.otpLength) || settings.otpLength < 6 || settings.otpLength > 10)
		throw new Error(`otp_length must be 6 to 10 (got ${settings.otpLength})`);
	return settings;
}
