import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

// The types common static hosts send (nginx's mime.types, Netlify, Caddy): the app needs .wasm as
// application/wasm (the QR decoder) and .webmanifest as application/manifest+json.
const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.map': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.xml': 'application/xml'
};

/** One request the server answered: the path asked for and the file sent back. */
export interface ServedRequest {
	path: string;
	/** The file sent, relative to the root (`index.html` for the fallback). */
	file: string;
	/** True when no file matched and the SPA fallback answered. */
	fallback: boolean;
}

/**
 * Serves a folder the way a static host serves the built app: files as they are, `/c` from `c.html`
 * (as GitHub Pages, Netlify and Cloudflare Pages do, and nginx's `try_files $uri $uri.html …`; the
 * README's Deploy section), and the SPA fallback (index.html) for any other path. With
 * `htmlExtension: false`, a host whose fallback answers `/c` too (set up before the card page was its
 * own file). With `compress`, text files go gzipped to a client that accepts it, as every one of
 * those hosts sends them (a page timed over an uncompressed server pays for bytes no phone downloads).
 * A test tool only. `requests` lists what it answered. `port` (default: any free one) lets a test
 * stop the site and serve it again at the same origin, as a network that goes and comes back.
 */
export async function serveStatic(
	root: string,
	{ htmlExtension = true, compress = false, port = 0 } = {}
): Promise<{ url: string; requests: ServedRequest[]; close: () => Promise<void> }> {
	const requests: ServedRequest[] = [];
	const server: Server = createServer((request, response) => {
		let path: string;
		try {
			path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		} catch {
			response.writeHead(400).end();
			return;
		}
		const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
		const isFile = (name: string) => existsSync(join(root, name)) && statSync(join(root, name)).isFile();
		const found = [relative, ...(htmlExtension && extname(relative) === '' ? [`${relative}.html`] : [])].find(isFile);
		const fallback = found === undefined;
		const file = join(root, found ?? 'index.html');
		requests.push({ path, file: found?.replace(/^[/\\]/, '') ?? 'index.html', fallback });
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		const headers = { 'content-type': type, 'cache-control': 'no-cache' };
		if (
			compress &&
			/^text\/|javascript|json|svg|xml/.test(type) &&
			/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')
		) {
			response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
			response.end(gzipSync(readFileSync(file)));
			return;
		}
		response.writeHead(200, headers);
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('No port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
