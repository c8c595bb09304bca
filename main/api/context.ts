// Moved to main/session/context.ts (issue 18). This re-export only keeps branches written before the move
// compiling; new code imports the session. Remove once no import of it is left.
export * from '../session/context';
