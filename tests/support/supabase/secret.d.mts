export declare const STAND_IN_SECRET: Uint8Array;
export declare const SYNC_STAND_IN_PORT: number;
