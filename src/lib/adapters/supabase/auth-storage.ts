/**
 * Where supabase-js keeps the session (localStorage), under a name of ours. On its own so the app
 * shell can look for a sign-in without loading how a session is read (session.ts).
 */
export const AUTH_STORAGE_KEY = 'networking-companion-auth';
