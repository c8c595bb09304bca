export declare const ROOT: string;
export declare const NO_ELECTRON: string;
export declare const ELECTRON_SQLITE: string;
export declare function electronVersion(): string | undefined;
export declare function electronBinary(env?: NodeJS.ProcessEnv): string | undefined;
export declare function buildElectronSqlite(options?: { outFile?: string; version?: string; arch?: string; platform?: NodeJS.Platform; log?: (line: string) => void }): Promise<string>;
