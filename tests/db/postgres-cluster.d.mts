// Types for postgres-cluster.mjs (plain JavaScript, so the Node scripts can run it directly).
import type { PrivilegeRegime } from '../support/supabase/setup.mjs';

export declare const root: string;
export declare function migrationFiles(): string[];
export declare const DATABASE_OF: Record<PrivilegeRegime, string>;
export declare const BIN: string;

export interface Cluster {
	port: number;
	urlFor(role?: string, database?: string): string;
	psql(what: { sql?: string; file?: string; user?: string; database?: string; singleTransaction?: boolean }): string;
	stop(): void;
}

export interface MigratedCluster extends Cluster {
	databases: { name: string; privileges: PrivilegeRegime }[];
	url: string;
}

export declare function startCluster(options?: { settings?: Record<string, string> }): Promise<Cluster>;
export declare function startMigratedCluster(options?: {
	pgtap?: boolean;
	privileges?: PrivilegeRegime[];
	settings?: Record<string, string>;
}): Promise<MigratedCluster>;
