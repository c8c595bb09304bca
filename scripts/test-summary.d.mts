export declare const NO_REASON: string;
export declare function notRun(skip: number, todo: number): string;
export declare function vitestSkipReasons(file: string): Map<string, number>;
export declare function playwrightSkipReasons(report: unknown): Map<string, number>;
export declare function summaryLine(passed: number, failed: number, skipped: number): string;
export declare function playwrightNotes(report: unknown, type: string): string[];
