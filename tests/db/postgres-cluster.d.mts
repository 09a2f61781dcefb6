// Types for postgres-cluster.mjs (plain JavaScript, so the Node scripts can run it directly).

export declare const root: string;

export interface Cluster {
	port: number;
	url: string;
	connection: { host: string; port: number; user: string; database: string };
	psql(sql: string | null, file?: string): string;
	stop(): void;
}

export declare function startCluster(): Promise<Cluster>;
export declare function migrationFiles(): string[];
export declare function startMigratedCluster(options?: { pgtap?: boolean }): Promise<Cluster>;
