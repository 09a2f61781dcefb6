export declare const root: string;
export type PrivilegeRegime = 'legacy' | 'current';
export declare const PRIVILEGE_REGIMES: readonly PrivilegeRegime[];
export declare function clusterSetupFiles(): string[];
export declare function databaseSetupFiles(privileges: PrivilegeRegime): string[];
export declare function migrationFiles(): string[];
