export declare const STAND_IN_SECRET: Uint8Array;
