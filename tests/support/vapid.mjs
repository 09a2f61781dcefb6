// TEST TOOL: a throw-away VAPID key pair (P-256), for builds and tests only; never a real project's.
/** The public key, base64url of the 65-byte uncompressed point, as PUBLIC_VAPID_PUBLIC_KEY takes it. */
export const TEST_VAPID_PUBLIC_KEY =
	'BEqoPbYjeUh6rog-sXecICFciSrAEXp1ciHZe4SGfZm8b-pNcG7ZGaUZnoCFYNZztUIinENCfbyZpkGM2DkUMgE';
/** The private key's `d`, base64url. */
export const TEST_VAPID_PRIVATE_KEY = 'D5uHYNUXmDFeyQpTQwcH_jgTuAFcQBURTFEStmTukcE';
