/** What the tests read of mailparser's ParsedMail. */
export interface ParsedMail {
	subject?: string;
	text?: string;
	html?: string | false;
	headers: Map<string, unknown>;
	/** The raw header lines, e.g. { key: 'list-unsubscribe', line: 'List-Unsubscribe: <…>' }. */
	headerLines: { key: string; line: string }[];
	from?: { text: string };
	to?: { text: string } | { text: string }[];
}
export interface ReceivedMail {
	envelope: { from: string; to: string[] };
	parsed: ParsedMail;
}
export interface SmtpServer {
	port: number;
	messages: ReceivedMail[];
	/** smtps://user:password@127.0.0.1:port */
	url: string;
	stop(): Promise<void>;
}
export function startSmtpServer(options: {
	certificate: { cert: Buffer; key: Buffer };
	user?: string;
	password?: string;
}): Promise<SmtpServer>;
