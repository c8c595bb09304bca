// Moved (issue 18): the profile to main/session/profile.ts, creating and removing the demo to
// main/generate/demo-profile.ts. This re-export only keeps branches written before the move compiling.
export * from '../session/profile';
export * from '../generate/demo-profile';
