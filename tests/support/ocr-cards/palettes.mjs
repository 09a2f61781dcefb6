// TEST TOOL: card colours for tests/support/ocr-cards/generate.mjs (the last three are dark cards).
export default [
	{ bg: '#ffffff', ink: '#1d1d1f', accent: '#0f4c5c', muted: '#555' },
	{ bg: '#fbf8f1', ink: '#2b2b2b', accent: '#b5422f', muted: '#666' },
	{ bg: '#eef4fb', ink: '#10243e', accent: '#2563eb', muted: '#4a5a70' },
	{ bg: '#f4f1fb', ink: '#231942', accent: '#7c3aed', muted: '#5e548e' },
	{ bg: '#fffdf5', ink: '#1f2d16', accent: '#3f7d20', muted: '#56624a' },
	{ bg: '#1b1f3a', ink: '#ffffff', accent: '#ffb703', muted: '#cfd3ea', dark: true },
	{ bg: '#0d3b3f', ink: '#f1faee', accent: '#a8dadc', muted: '#d0e4e2', dark: true },
	{ bg: '#222222', ink: '#f5f5f5', accent: '#e63946', muted: '#cccccc', dark: true }
];
