// TEST TOOL: the stand-in's JWT secret, shared with the script that builds the app against it.
export const STAND_IN_SECRET = new TextEncoder().encode('stand-in-jwt-secret-for-tests-only-0123456789');
