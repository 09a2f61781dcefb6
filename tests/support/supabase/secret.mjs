// TEST TOOL: the stand-in's JWT secret, shared with the script that builds the app against it.
export const STAND_IN_SECRET = new TextEncoder().encode('stand-in-jwt-secret-for-tests-only-0123456789');

/**
 * The port of the stand-in the browser test's app is built for (tests/e2e/build-sync.mjs);
 * SYNC_STAND_IN_PORT moves it, for a build and test run beside another one on a shared machine.
 */
export const SYNC_STAND_IN_PORT = Number(process.env.SYNC_STAND_IN_PORT) || 54_399;
