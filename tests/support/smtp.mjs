// TEST TOOL: a local SMTP server with implicit TLS (as on port 465, the one Edge Functions may use)
// that requires the user and password it was started with and keeps every message, parsed by
// mailparser (headers, text part, HTML part). Runs under Node and Deno.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * @param {{ certificate: { cert: Buffer, key: Buffer }, user?: string, password?: string }} options
 */
export async function startSmtpServer({ certificate, user = 'reminders', password = 'mail-secret' }) {
	/** @type {import('./smtp.d.mts').ReceivedMail[]} */
	const messages = [];
	const server = new SMTPServer({
		secure: true,
		key: certificate.key,
		cert: certificate.cert,
		authMethods: ['PLAIN', 'LOGIN'],
		disabledCommands: ['STARTTLS'],
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === user && auth.password === password) callback(null, { user });
			else callback(new Error('Invalid username or password'));
		},
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((parsed) => {
					const envelope = {
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((r) => r.address)
					};
					messages.push({ envelope, parsed });
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const port = /** @type {import('node:net').AddressInfo} */ (server.server.address()).port;
	return {
		port,
		messages,
		url: `smtps://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
		stop: () => new Promise((resolve) => server.close(() => resolve(undefined)))
	};
}
