// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	interface ImportMetaEnv {
		readonly PUBLIC_SUPABASE_URL?: string;
		readonly PUBLIC_SUPABASE_ANON_KEY?: string;
		readonly PUBLIC_VAPID_PUBLIC_KEY?: string;
	}

	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
