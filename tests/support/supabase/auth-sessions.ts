// TEST TOOL: the stand-in's GoTrue sessions, refresh tokens and access tokens (in memory; GoTrue
// keeps them in auth.sessions and auth.refresh_tokens). Refresh as supabase/auth
// internal/tokens/service.go RefreshTokenGrant does it, with models/refresh_token.go:
// - a token is used once: using it revokes it and issues a child (GrantRefreshTokenSwap);
// - a revoked token that is the parent of the session's active one gets the active one back (the
//   client lost the answer of its last refresh);
// - another revoked token is accepted within refresh_token_reuse_interval of its revocation, and
//   refused after it with refresh_token_already_used — and with rotation on, every token of the
//   session is revoked (RevokeTokenFamily), so whoever holds the newest one is out too;
// - a token GoTrue never issued, or one of a session signed out, is refresh_token_not_found.
import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthSettings } from './config';
import type { Query } from './database';
import { findUserById, updateUser, userJson, type UserRow } from './auth-users';
import { GotrueError } from './gotrue-errors';
import { signJwt, type Claims } from './jwt';

export interface Session {
	id: string;
	userId: string;
	createdAt: number;
	method: 'otp' | 'password';
}

interface RefreshToken {
	token: string;
	sessionId: string;
	parent: string | null;
	revoked: boolean;
	createdAt: number;
	updatedAt: number;
}

type TokenUser = Pick<
	UserRow,
	'id' | 'aud' | 'role' | 'email' | 'raw_app_meta_data' | 'raw_user_meta_data' | 'is_anonymous'
>;

export class SessionStore {
	private readonly sessions = new Map<string, Session>();
	private readonly tokens = new Map<string, RefreshToken>();

	constructor(private readonly ctx: { settings: AuthSettings; secret: Uint8Array; url(): string; now(): number }) {}

	get(id: string): Session | undefined {
		return this.sessions.get(id);
	}

	/** Signs sessions out (logout.go; a password change signs out the others). */
	delete(match: (session: Session) => boolean): void {
		for (const session of [...this.sessions.values()].filter(match)) {
			this.sessions.delete(session.id);
			for (const [token, t] of this.tokens) if (t.sessionId === session.id) this.tokens.delete(token);
		}
	}

	/** The access token GoTrue signs (internal/tokens/service.go AccessTokenClaims). */
	accessToken(user: TokenUser, session: Session, ttl = this.ctx.settings.jwtExpiry): string {
		const iat = Math.floor(this.ctx.now() / 1000);
		return signJwt(
			{
				aud: user.aud,
				exp: iat + ttl,
				iat,
				iss: `${this.ctx.url()}/auth/v1`,
				sub: user.id,
				email: user.email,
				phone: '',
				app_metadata: user.raw_app_meta_data ?? {},
				user_metadata: user.raw_user_meta_data ?? {},
				role: user.role,
				aal: 'aal1',
				amr: [{ method: session.method, timestamp: Math.floor(session.createdAt / 1000) }],
				session_id: session.id,
				is_anonymous: user.is_anonymous
			},
			this.ctx.secret
		);
	}

	private newToken(session: Session, parent: string | null): RefreshToken {
		const now = this.ctx.now();
		const token: RefreshToken = {
			token: randomBytes(9).toString('base64url'),
			sessionId: session.id,
			parent,
			revoked: false,
			createdAt: now,
			updatedAt: now
		};
		this.tokens.set(token.token, token);
		return token;
	}

	private async response(query: Query, user: UserRow, session: Session, refresh: RefreshToken) {
		const { jwtExpiry } = this.ctx.settings;
		return {
			access_token: this.accessToken(user, session),
			token_type: 'bearer',
			expires_in: jwtExpiry,
			expires_at: Math.floor(this.ctx.now() / 1000) + jwtExpiry,
			refresh_token: refresh.token,
			user: await userJson(query, user)
		};
	}

	/** issueRefreshToken: a new session for the user, signed in now. */
	async issue(query: Query, user: UserRow, method: Session['method']) {
		const session: Session = { id: randomUUID(), userId: user.id, createdAt: this.ctx.now(), method };
		this.sessions.set(session.id, session);
		await updateUser(query, user.id, { last_sign_in_at: new Date(this.ctx.now()) });
		const fresh = (await findUserById(query, user.id))!;
		return this.response(query, fresh, session, this.newToken(session, null));
	}

	/** POST /token?grant_type=refresh_token. */
	async refresh(query: Query, presented: string) {
		const { refreshTokenReuseInterval, refreshTokenRotation } = this.ctx.settings;
		const token = this.tokens.get(presented);
		const session = token && this.sessions.get(token.sessionId);
		const user = session && (await findUserById(query, session.userId));
		if (!token || !session || !user)
			throw new GotrueError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
		let issued: RefreshToken | undefined;
		if (token.revoked) {
			const active = [...this.tokens.values()]
				.filter((t) => t.sessionId === session.id && !t.revoked)
				.sort((a, b) => b.createdAt - a.createdAt)[0];
			if (active && active.parent === token.token) issued = active;
			else if (this.ctx.now() > token.updatedAt + refreshTokenReuseInterval * 1000) {
				if (refreshTokenRotation)
					for (const t of this.tokens.values()) if (t.sessionId === session.id) t.revoked = true;
				throw new GotrueError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
			}
		}
		if (!issued) {
			token.revoked = true;
			token.updatedAt = this.ctx.now();
			issued = this.newToken(session, token.token);
		}
		return this.response(query, user, session, issued);
	}

	/** A user's access token for the stand-in's tests (a session is opened for it). */
	signAccessToken(
		userId: string,
		email: string,
		ttl: number = this.ctx.settings.jwtExpiry,
		claims: Claims = {}
	): string {
		const session: Session = { id: randomUUID(), userId, createdAt: this.ctx.now(), method: 'otp' };
		this.sessions.set(session.id, session);
		const user: TokenUser = {
			id: userId,
			email,
			aud: 'authenticated',
			role: 'authenticated',
			raw_app_meta_data: { provider: 'email', providers: ['email'] },
			raw_user_meta_data: {},
			is_anonymous: false
		};
		const token = this.accessToken(user, session, ttl);
		if (Object.keys(claims).length === 0) return token;
		const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Claims;
		return signJwt({ ...payload, ...claims }, this.ctx.secret);
	}
}
