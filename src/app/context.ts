// What the HTTP layer and the CLI hand to use-cases: the database handle.
// Routes name its type from here so they never import src/db themselves.
export type { Db } from '../db/client.js';
