export declare const TEST_VAPID_PUBLIC_KEY: string;
export declare const TEST_VAPID_PRIVATE_KEY: string;
